using Saas.Modules.WasteCalendar.Addresses;

namespace Saas.UnitTests.WasteCalendar;

public sealed class AddressKeyTests
{
    [Theory]
    [InlineData("Mühlenweg", "Muehlenweg")]
    [InlineData("Schulstraße", "Schulstrasse")]
    [InlineData("Schulstraße", "Schulstr.")]
    [InlineData("Schulstraße", "schulstr")]
    [InlineData("Straße der Einheit", "Strasse der Einheit")]
    [InlineData("Große Straße", "grosse str")]
    public void Spellings_residents_type_meet_the_towns_spelling(string town, string typed) =>
        Assert.Equal(AddressKey.Of(town), AddressKey.Of(typed));

    [Theory]
    [InlineData("Muehlenwg", "Mühlenweg")]   // a letter missing
    [InlineData("Mühlnweg", "Mühlenweg")]
    [InlineData("Mülhenweg", "Mühlenweg")]   // two letters swapped
    [InlineData("Wiesenburger Strase", "Wiesenburger Straße")]
    [InlineData("Mühle", "Mühlenweg")]       // still typing
    [InlineData("Muhlenw", "Mühlenweg")]     // still typing, with a typo
    public void Typos_and_unfinished_names_still_find_the_street(string typed, string street)
    {
        var key = AddressKey.Of(typed);
        Assert.NotNull(AddressSearch.Score(key, AddressKey.Of(street), key.Length <= 4 ? 0 : key.Length <= 8 ? 1 : 2));
    }

    [Theory]
    [InlineData("Dorfstraße", "Mühlenweg")]
    [InlineData("Bahnhofstraße", "Schlossstraße")]
    public void Different_streets_do_not_match(string typed, string street)
    {
        var key = AddressKey.Of(typed);
        Assert.Null(AddressSearch.Score(key, AddressKey.Of(street), 2));
    }

    [Theory]
    [InlineData("Mühlenweg 12", "Mühlenweg", 12)]
    [InlineData("Mühlenweg 12a", "Mühlenweg", 12)]
    [InlineData("Straße der Einheit 5", "Straße der Einheit", 5)]
    [InlineData("Mühlenweg", "Mühlenweg", null)]
    public void A_trailing_house_number_is_split_off(string query, string street, int? number) =>
        Assert.Equal((street, number), AddressSearch.Split(query));
}
