using System.Diagnostics;
using Procurator.Model;

namespace Procurator;

/// <summary>
/// Finds the script line of a DSL call for verbs that take <c>params</c> arrays, where
/// C# allows no <c>[CallerLineNumber]</c>: the first stack frame outside this assembly
/// with a file name is the script's (scripts are compiled with debug information).
/// </summary>
internal static class ScriptSites
{
    public static ScriptSite FromStack(string member)
    {
        var sdk = typeof(ScriptSites).Assembly;
        foreach (var frame in new StackTrace(1, fNeedFileInfo: true).GetFrames())
        {
            if (frame.GetMethod()?.DeclaringType?.Assembly == sdk)
            {
                continue;
            }

            var file = frame.GetFileName();
            if (!string.IsNullOrEmpty(file))
            {
                return new ScriptSite(file, frame.GetFileLineNumber(), member);
            }
        }

        return ScriptSite.None with { Member = member };
    }
}
