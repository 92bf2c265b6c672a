using System.Text;
using Saas.Kernel.Calendar;

namespace Saas.UnitTests.Kernel;

public sealed class IcsTextTests
{
    [Fact]
    public void A_multibyte_character_is_never_split_by_folding()
    {
        var text = new StringBuilder();
        IcsText.AppendLine(text, "SUMMARY:" + new string('ü', 80));

        var lines = text.ToString().Split("\r\n")[..^1];
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75));
        Assert.Equal("SUMMARY:" + new string('ü', 80), string.Concat(lines.Select((l, i) => i == 0 ? l : l[1..])));
    }
}
