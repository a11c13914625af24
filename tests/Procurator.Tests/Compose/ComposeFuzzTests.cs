using Procurator.Compose;

namespace Procurator.Tests.Compose;

/// <summary>
/// 5,000 seeded mutations of the corpus files (lines deleted, duplicated, swapped; characters
/// flipped; truncation; YAML punctuation, anchors, aliases and merge keys inserted): the
/// importer must answer each with a project or diagnostics, never an exception.
/// </summary>
public sealed class ComposeFuzzTests
{
    private static readonly string[] Insertions = [":", "-", "[", "{", "&a ", "*a", "<<: ", "${", "$", "\"", "'", "\t", "\n", " ", "#", "<<: *a\n", "? ", "!!str ", "|"];

    [Fact]
    public void Mutated_compose_files_never_throw()
    {
        var corpus = Directory.GetFiles(ComposeTestFiles.Corpus, "*.compose.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        Assert.NotEmpty(corpus);
        var random = new Random(20240611);
        var environment = new Dictionary<string, string> { ["POSTGRES_USER"] = "u" };
        var files = new Dictionary<string, string> { ["/project/.env"] = "A=1\n" };

        for (var i = 0; i < 5000; i++)
        {
            var text = corpus[random.Next(corpus.Length)];
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                text = Mutate(text, random);
            }

            ComposeLoadResult result;
            try
            {
                result = ComposeTestFiles.Load(text, files, environment);
            }
            catch (Exception e)
            {
                Assert.Fail($"mutation {i} threw {e}\n--- input ---\n{text}");
                throw;
            }

            // A result is a project or at least one error, and what loads also renders.
            Assert.True(result.Project is not null || result.HasErrors, $"mutation {i}: neither a project nor an error\n{text}");
            if (result.Project is { } project)
            {
                ComposeJson.Write(project);
                ComposeCsxWriter.Write(project, ComposeTestFiles.Folder);
            }
        }
    }

    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var line = random.Next(lines.Count);
        switch (random.Next(6))
        {
            case 0:
                lines.RemoveAt(line);
                break;
            case 1:
                lines.Insert(line, lines[line]);
                break;
            case 2:
                var other = random.Next(lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                break;
            case 3 when text.Length > 0:
                var at = random.Next(text.Length);
                return text[..at] + (char)random.Next(32, 127) + text[(at + 1)..];
            case 4:
                return text[..random.Next(text.Length + 1)];
            default:
                var position = random.Next(text.Length + 1);
                return text[..position] + Insertions[random.Next(Insertions.Length)] + text[position..];
        }

        return string.Join('\n', lines);
    }
}
