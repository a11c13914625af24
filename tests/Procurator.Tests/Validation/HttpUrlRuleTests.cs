using CsCheck;
using Procurator.Validation;

namespace Procurator.Tests.Validation;

/// <summary>
/// Health-check URLs: the hand-written check of the common case only ever accepts what
/// <see cref="Uri"/> accepts, and the full rule is still Uri's.
/// </summary>
public sealed class HttpUrlRuleTests
{
    [Theory]
    [InlineData("http://localhost:8080/health", true)]
    [InlineData("https://api.example.com/v1/ready", true)]
    [InlineData("http://127.0.0.1:65535", true)]
    [InlineData("http://localhost:0/", false)]
    [InlineData("http://localhost:65536/", false)]
    [InlineData("http://-bad.example/", false)]
    [InlineData("http://a..b/", false)]
    [InlineData("http://Localhost/", false)]
    [InlineData("http://localhost/health?x=1", false)]
    [InlineData("ftp://localhost/", false)]
    public void Plain_urls_are_recognised_by_hand(string url, bool plain) =>
        Assert.Equal(plain, WorkspaceValidator.IsPlainHttpUrl(url));

    [Theory]
    [InlineData("http://localhost/health?x=1", true)] // not plain, but Uri accepts it
    [InlineData("HTTP://LOCALHOST:8080/", true)]
    [InlineData("http://[::1]:8080/", true)]
    [InlineData("http://localhost:99999/", false)]
    [InlineData("ftp://localhost/", false)]
    [InlineData("localhost:8080/health", false)]
    [InlineData("", false)]
    public void Anything_else_is_judged_by_Uri(string url, bool valid) =>
        Assert.Equal(valid, WorkspaceValidator.IsHttpUrl(url));

    [Fact]
    public void Every_plain_url_is_one_Uri_accepts()
    {
        var piece = Gen.OneOf(
            "a", "z", "0", "9", "-", ".", ":", "/", "_", "~", "1", "65535", "65536", "00080", "localhost", "A", "%", "?", "@")
            .Select(p => p);
        var url = Gen.Int[1, 12].SelectMany(n => piece.Array[n])
            .SelectMany(rest => Gen.OneOf("http://", "https://").Select(scheme => scheme + string.Concat(rest)));
        url.Sample(url =>
            {
                if (WorkspaceValidator.IsPlainHttpUrl(url))
                {
                    Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", url);
                }
            }, iter: 20_000);
    }
}
