using Procurator.Scripting;

namespace Procurator.Tests.Hardening;

/// <summary>Issue 21, row 11: what the recursion guard inserts, on the lines it was written on.</summary>
public sealed class ScriptStackGuardTests
{
    private const string Check = "global::System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();";
    private const string Run = "global::Procurator.Internal.StackGuard.Run(() => ";

    [Theory]
    [InlineData("int F(int n) => F(n);", "int F(int n) { " + Check + " return F(n); }")]
    [InlineData("int K()=>K();", "int K(){ " + Check + " return K(); }")]
    [InlineData("void G() => Note();", "void G() { " + Check + " Note(); }")]
    [InlineData("int H() => throw new X();", "int H() { " + Check + " throw new X(); }")]
    [InlineData("async Task L() => await Y();", "async Task L() { " + Check + " await Y(); }")]
    [InlineData("async Task<int> M() => await Z();", "async Task<int> M() { " + Check + " return await Z(); }")]
    [InlineData("class C { int P(int n)\n{\n  return P(n);\n} }", "class C { int P(int n)\n{ " + Check + "\n  return P(n);\n} }")]
    [InlineData("Func<int, int> f = n => { return f(n); };", "Func<int, int> f = n => { " + Check + " return f(n); };")]
    [InlineData("Func<int, int> g = n => n + 1;", "Func<int, int> g = n => " + Run + "n + 1);")]
    [InlineData("Func<int, Func<int, int>> h = x => y => x;", "Func<int, Func<int, int>> h = x => " + Run + "y => " + Run + "x));")]
    [InlineData("Func<Task> t = async () => await Y();", "Func<Task> t = async () => await Y();")]
    [InlineData("Func<int> z = () => throw new X();", "Func<int> z = () => throw new X();")]
    [InlineData("Project(\"api\");", "Project(\"api\");")]
    public void Each_body_starts_with_the_stack_check_on_its_own_line(string script, string guarded) =>
        Assert.Equal(guarded, ScriptStackGuard.Guard(script));
}
