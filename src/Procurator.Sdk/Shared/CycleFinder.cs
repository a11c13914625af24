namespace Procurator.Shared;

/// <summary>
/// The one cycle search of the engine and the supervisor, over nodes numbered 0..n-1 with
/// their successors in the order the caller wants them visited. Callers turn names into
/// numbers and paths back into names, and word the message themselves.
/// </summary>
internal static class CycleFinder
{
    /// <summary>
    /// A depth-first search from each node in number order. Every edge that leads back to a
    /// node on the current path is handed to <paramref name="onCycle"/> as that path
    /// (<c>a, b, a</c>); the search goes on. Returns the nodes dependencies first (post-order).
    /// </summary>
    public static List<int> DepthFirst(IReadOnlyList<IReadOnlyList<int>> successors, Action<int[]>? onCycle = null)
    {
        // Iterative: a long chain must not exhaust the stack.
        var count = successors.Count;
        var state = new byte[count]; // 0 not yet, 1 on the path, 2 done
        var next = new int[count];
        var path = new List<int>();
        var order = new List<int>(count);
        for (var root = 0; root < count; root++)
        {
            if (state[root] != 0)
            {
                continue;
            }

            state[root] = 1;
            path.Add(root);
            while (path.Count > 0)
            {
                var node = path[^1];
                var targets = successors[node];
                if (next[node] == targets.Count)
                {
                    state[node] = 2;
                    path.RemoveAt(path.Count - 1);
                    order.Add(node);
                    continue;
                }

                var target = targets[next[node]++];
                if (state[target] == 1)
                {
                    onCycle?.Invoke(PathFrom(path, target));
                }
                else if (state[target] == 0)
                {
                    state[target] = 1;
                    path.Add(target);
                }
            }
        }

        return order;
    }

    /// <summary>Whether any cycle exists.</summary>
    public static bool HasCycle(IReadOnlyList<IReadOnlyList<int>> successors)
    {
        var found = false;
        DepthFirst(successors, _ => found = true);
        return found;
    }

    /// <summary>
    /// One cycle per strongly connected component that has one, as the shortest path (breadth
    /// first, successors in the caller's order) from its lowest-numbered node back to it;
    /// ordered by that node.
    /// </summary>
    public static List<int[]> PerComponent(IReadOnlyList<IReadOnlyList<int>> successors)
    {
        var cycles = new List<int[]>();
        if (!HasCycle(successors))
        {
            return cycles;
        }

        var component = Components(successors);
        var count = successors.Count;
        var seen = new bool[count];
        for (var start = 0; start < count; start++)
        {
            // Nodes in number order: a component's first node met is its lowest.
            if (seen[component[start]])
            {
                continue;
            }

            seen[component[start]] = true;
            if (PathBack(successors, component, start) is { } cycle)
            {
                cycles.Add(cycle);
            }
        }

        return cycles;
    }

    private static int[] PathFrom(List<int> path, int target)
    {
        var at = path.IndexOf(target);
        var cycle = new int[path.Count - at + 1];
        path.CopyTo(at, cycle, 0, path.Count - at);
        cycle[^1] = target;
        return cycle;
    }

    /// <summary>The shortest path from <paramref name="start"/> back to itself inside its component; null when there is none.</summary>
    private static int[]? PathBack(IReadOnlyList<IReadOnlyList<int>> successors, int[] component, int start)
    {
        var cameFrom = new int[successors.Count];
        Array.Fill(cameFrom, -1);
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var target in successors[current])
            {
                if (target == start)
                {
                    var path = new List<int> { start };
                    for (var at = current; at != start; at = cameFrom[at])
                    {
                        path.Insert(1, at);
                    }

                    path.Add(start);
                    return [.. path];
                }

                if (component[target] == component[start] && cameFrom[target] < 0)
                {
                    cameFrom[target] = current;
                    queue.Enqueue(target);
                }
            }
        }

        return null;
    }

    /// <summary>Tarjan's strongly connected components, iteratively: each node's component number.</summary>
    private static int[] Components(IReadOnlyList<IReadOnlyList<int>> successors)
    {
        var count = successors.Count;
        var index = new int[count];
        var low = new int[count];
        var next = new int[count];
        var onStack = new bool[count];
        var component = new int[count];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var calls = new Stack<int>();
        var counter = 0;
        var components = 0;
        for (var root = 0; root < count; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            Enter(root);
            while (calls.Count > 0)
            {
                var node = calls.Peek();
                var targets = successors[node];
                if (next[node] < targets.Count)
                {
                    var target = targets[next[node]++];
                    if (index[target] < 0)
                    {
                        Enter(target);
                    }
                    else if (onStack[target])
                    {
                        low[node] = Math.Min(low[node], index[target]);
                    }

                    continue;
                }

                calls.Pop();
                if (low[node] == index[node])
                {
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component[member] = components;
                    }
                    while (member != node);
                    components++;
                }

                if (calls.Count > 0)
                {
                    var caller = calls.Peek();
                    low[caller] = Math.Min(low[caller], low[node]);
                }
            }
        }

        return component;

        void Enter(int node)
        {
            index[node] = low[node] = counter++;
            stack.Push(node);
            onStack[node] = true;
            calls.Push(node);
        }
    }
}
