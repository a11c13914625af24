using Procurator.Supervisor.Planning.Secrets;

namespace Procurator.Supervisor.Tests.Planning;

public sealed class DotEnvFileTests
{
    [Fact]
    public void Reads_keys_exports_quotes_and_comments_as_dotenv_tools_do()
    {
        var (values, problems) = DotEnvFile.Parse(
            "# a comment\n\nPLAIN=abc def  # trailing comment\nexport EXPORTED=1\r\nSINGLE='a \\n $HOME # kept'\n" +
            "DOUBLE=\"line\\nnext \\\"q\\\" \\\\\"\nEMPTY=\nHASH=a#b\nSPACED = padded \nPLAIN=second wins\n");

        Assert.Empty(problems);
        Assert.Equal(new Dictionary<string, string>
        {
            ["PLAIN"] = "second wins",
            ["EXPORTED"] = "1",
            ["SINGLE"] = "a \\n $HOME # kept",
            ["DOUBLE"] = "line\nnext \"q\" \\",
            ["EMPTY"] = "",
            ["HASH"] = "a#b",
            ["SPACED"] = "padded",
        }, values);
    }

    [Fact]
    public void A_line_it_cannot_read_is_reported_with_its_number_and_the_rest_is_kept()
    {
        var (values, problems) = DotEnvFile.Parse("GOOD=1\nno equals here\n1BAD=2\nOPEN=\"never closed\nLAST=ok");

        Assert.Equal(["line 2: expected KEY=value", "line 3: expected KEY=value", "line 4: the quoted value of OPEN is not closed"], problems);
        Assert.Equal(new Dictionary<string, string> { ["GOOD"] = "1", ["LAST"] = "ok" }, values);
    }
}
