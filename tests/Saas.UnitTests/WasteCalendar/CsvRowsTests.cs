using System.Text;
using Saas.Modules.WasteCalendar.Import;

namespace Saas.UnitTests.WasteCalendar;

public sealed class CsvRowsTests
{
    [Theory]
    [InlineData("05.01.2027", 2027, 1, 5)]
    [InlineData("5.1.2027", 2027, 1, 5)]
    [InlineData("5.1.27", 2027, 1, 5)]
    [InlineData("2027-01-05", 2027, 1, 5)]
    [InlineData("05.01.", 2027, 1, 5)]
    [InlineData("5.1.", 2027, 1, 5)]
    [InlineData(" 29.02.2028 ", 2028, 2, 29)]
    public void German_and_iso_date_notations_are_read(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), CsvRows.ParseDay(text, 2027));

    [Theory]
    [InlineData("31.02.2027")]
    [InlineData("29.02.2027")]
    [InlineData("05/01/2027")]
    [InlineData("2027-1-5")]
    [InlineData("morgen")]
    [InlineData("05.01.227")]
    [InlineData("")]
    public void Impossible_or_unknown_dates_are_refused(string text) =>
        Assert.Null(CsvRows.ParseDay(text, 2027));

    [Fact]
    public void Semicolon_file_with_columns_in_any_order_and_quoted_fields_is_read()
    {
        var (rows, problems) = CsvRows.Read("Gebiet;Datum;Abfallart\r\n\"Bezirk 1; Nord\";05.01.2027;Restmüll\r\nBezirk 2;12.1.27;\"Gelbe \"\"Tonne\"\"\"\r\n\r\n", 2027);

        Assert.Empty(problems);
        Assert.Equal([new ImportRow(2, "Bezirk 1; Nord", "Restmüll", new DateOnly(2027, 1, 5)), new ImportRow(3, "Bezirk 2", "Gelbe \"Tonne\"", new DateOnly(2027, 1, 12))], rows);
    }

    [Fact]
    public void Comma_file_is_read()
    {
        var (rows, problems) = CsvRows.Read("Datum,Art,Gebiet\n2027-01-05,Papier,Bezirk 1\n", 2027);

        Assert.Empty(problems);
        Assert.Single(rows);
    }

    [Fact]
    public void Missing_columns_are_named_and_no_row_is_read()
    {
        var (rows, problems) = CsvRows.Read("Datum;Bezirk\n05.01.2027;Bezirk 1\n", 2027);

        Assert.Empty(rows);
        var problem = Assert.Single(problems);
        Assert.Equal(new ImportProblem(1, "waste.import.error.columns", "Art"), problem);
    }

    [Fact]
    public void Unreadable_lines_are_reported_with_their_line_numbers()
    {
        var (rows, problems) = CsvRows.Read("Datum;Art;Gebiet\n05.01.2027;Restmüll;Bezirk 1\n32.01.2027;Restmüll;Bezirk 1\n06.01.2027\n07.01.2027;;Bezirk 1\n", 2027);

        Assert.Single(rows);
        Assert.Equal(
            [new ImportProblem(3, "waste.import.error.date", "32.01.2027"), new ImportProblem(4, "waste.import.error.fields", "06.01.2027"), new ImportProblem(5, "waste.import.error.blank", "07.01.2027;;Bezirk 1")],
            problems);
    }

    [Fact]
    public void An_empty_file_is_reported() =>
        Assert.Equal("waste.import.error.empty", Assert.Single(CsvRows.Read("\r\n  \r\n", 2027).Problems).Key);

    [Fact]
    public void Utf8_with_and_without_bom_and_windows_1252_decode_to_the_same_text()
    {
        const string text = "Datum;Art;Gebiet\n05.01.2027;Restmüll;Größere Straße\n";
        var utf8 = Encoding.UTF8.GetBytes(text);
        byte[] bom = [0xEF, 0xBB, 0xBF, .. utf8];
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var ansi = Encoding.GetEncoding(1252).GetBytes(text);

        Assert.NotEqual(utf8, ansi); // the umlauts really are different bytes
        Assert.Equal(text, ImportText.Decode(utf8));
        Assert.Equal(text, ImportText.Decode(bom));
        Assert.Equal(text, ImportText.Decode(ansi));
    }
}
