extension Digraph {
    /// Breadth-first search from `sources`. Returns, per vertex, the BFS parent (`-1` for sources,
    /// `-2` for unreached). Successors are visited in ascending order, so the parent chosen among
    /// equally short paths is the smallest-ID predecessor discovered first: deterministic.
    /// - Complexity: O(V + E).
    public func bfsParents(from sources: [Int]) -> [Int] {
        var parent = [Int](repeating: -2, count: vertexCount)
        var queue: [Int] = []
        queue.reserveCapacity(vertexCount)
        for s in sources where s >= 0 && s < vertexCount && parent[s] == -2 {
            parent[s] = -1
            queue.append(s)
        }
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for t in successors(of: v) where parent[Int(t)] == -2 {
                parent[Int(t)] = v
                queue.append(Int(t))
            }
        }
        return parent
    }

    /// Strongly connected components (iterative Tarjan). Returns the component ID of every vertex;
    /// components are numbered in reverse topological order (a component's successors have smaller
    /// IDs), which is the order in which a closure can be accumulated.
    /// - Complexity: O(V + E) time, O(V) extra memory.
    public func stronglyConnectedComponents() -> (componentOf: [Int], count: Int) {
        let n = vertexCount
        var index = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int] = []
        var component = [Int](repeating: -1, count: n)
        var nextIndex = 0
        var componentCount = 0
        var callStack: [(vertex: Int, edge: Int)] = []
        for root in 0..<n where index[root] == -1 {
            callStack.append((root, offsets[root]))
            index[root] = nextIndex; low[root] = nextIndex; nextIndex += 1
            stack.append(root); onStack[root] = true
            while let frame = callStack.last {
                let v = frame.vertex
                if frame.edge < offsets[v + 1] {
                    callStack[callStack.count - 1].edge += 1
                    let w = Int(targets[frame.edge])
                    if index[w] == -1 {
                        index[w] = nextIndex; low[w] = nextIndex; nextIndex += 1
                        stack.append(w); onStack[w] = true
                        callStack.append((w, offsets[w]))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                } else {
                    callStack.removeLast()
                    if let parent = callStack.last { low[parent.vertex] = min(low[parent.vertex], low[v]) }
                    if low[v] == index[v] {
                        while let w = stack.popLast() {
                            onStack[w] = false
                            component[w] = componentCount
                            if w == v { break }
                        }
                        componentCount += 1
                    }
                }
            }
        }
        return (component, componentCount)
    }

    /// Reachability closure over the condensation: row `c` of the result holds every component
    /// reachable from component `c` (including `c` itself).
    /// - Complexity: O(V + E) for the SCCs plus O(C × C / 64 + E' × C / 64) word operations for
    ///   the closure, where C is the number of components and E' the condensed edge count.
    public func componentClosure() -> (componentOf: [Int], closure: BitMatrix) {
        let (componentOf, count) = stronglyConnectedComponents()
        var closure = BitMatrix(rows: count, columns: count)
        var condensed = [[Int]](repeating: [], count: count)
        for v in 0..<vertexCount {
            for t in successors(of: v) where componentOf[v] != componentOf[Int(t)] {
                condensed[componentOf[v]].append(componentOf[Int(t)])
            }
        }
        // Tarjan numbers components in reverse topological order: successors first.
        for c in 0..<count {
            closure[c, c] = true
            for d in Set(condensed[c]) { closure.formUnion(row: c, withRow: d) }
        }
        return (componentOf, closure)
    }
}
