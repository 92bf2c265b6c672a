using System.Diagnostics.CodeAnalysis;

namespace Saas.Kernel.Media;

/// <summary>Either a sanitized <typeparamref name="T"/> or the <see cref="MediaProblem"/> that refused it; never both.</summary>
public sealed record MediaResult<T>
    where T : class
{
    private MediaResult(T? value, MediaProblem? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    public MediaProblem? Problem { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Value is not null;

    /// <summary>The refusal code, or null on success.</summary>
    public MediaError? Error => Problem?.Error;

    internal static MediaResult<T> Success(T value) => new(value, null);

    internal static MediaResult<T> Failure(MediaError error, params object[] arguments) => new(null, new MediaProblem(error, arguments));

    internal static MediaResult<T> Failed(MediaProblem problem) => new(null, problem);

    /// <summary>This result with the client's file name attached to its problem, for the message.</summary>
    internal MediaResult<T> WithFileName(string? fileName) =>
        Problem is null ? this : new(null, Problem with { FileName = ClientFileName.Clean(fileName) });
}
