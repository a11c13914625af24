using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Procurator.Internal;

/// <summary>
/// Called by the recursion guard Procurator writes into a script's expression-bodied lambdas
/// (<c>n =&gt; f(n + 1)</c> is compiled as <c>n =&gt; StackGuard.Run(() =&gt; f(n + 1))</c>): a lambda
/// that recurses without end then ends in a located error, not a stack overflow that kills
/// the process. Overload resolution picks the value form when the body has a value and the
/// void form when it has none, which the syntax alone cannot tell. Not for scripts to call.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StackGuard
{
    /// <summary>Checks the stack, then evaluates <paramref name="body"/>.</summary>
    public static T Run<T>(Func<T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return body();
    }

    /// <summary>Checks the stack, then runs <paramref name="body"/>.</summary>
    public static void Run(Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        RuntimeHelpers.EnsureSufficientExecutionStack();
        body();
    }
}
