using System.Text.Json;

namespace Saas.Kernel.Modules;

/// <summary>A module's part of a town recipe, applied inside the recipe's transaction scope.</summary>
public interface IRecipeStep
{
    /// <summary>
    /// Checks the step's JSON without writing anything, so a malformed recipe is refused before a
    /// single row is stored. Throws <see cref="RecipeException"/> naming the field.
    /// </summary>
    void Validate(JsonElement step, RecipeValidationContext context);

    /// <summary>Seeds the town's data; the town is set in the ambient context.</summary>
    Task ApplyAsync(JsonElement step, IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>Where a recipe came from, for error messages.</summary>
public sealed record RecipeValidationContext(string File, string Path);

/// <summary>A recipe that cannot be applied; the message names the file and the field.</summary>
public sealed class RecipeException(string file, string field, string problem)
    : Exception($"{file}: {field}: {problem}")
{
    public string File { get; } = file;
    public string Field { get; } = field;
}
