using System.Runtime.ExceptionServices;
using TrailSift.Core.Common;

namespace TrailSift.Core.Query.Jq;

/// <summary>Runs jq work on a thread with a large stack: deeply nested programs and data recurse deeply (jq has its own stack).</summary>
public static class JqLargeStack
{
    /// <summary>The stack size used (reserved, committed only as used): <see cref="LargeStack.Bytes"/>, as the scan workers' stack.</summary>
    public const int StackBytes = LargeStack.Bytes;

    /// <summary>Runs <paramref name="work"/> on a large-stack thread and returns its result (exceptions are rethrown here).</summary>
    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                error = ExceptionDispatchInfo.Capture(e);
            }
        }, StackBytes);
        thread.Start();
        thread.Join();
        error?.Throw();
        return result;
    }
}
