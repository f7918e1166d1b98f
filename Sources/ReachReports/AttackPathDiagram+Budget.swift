/// Node budgets for attack-path diagrams: a diagram with more distinct states than the budget
/// keeps whole paths while they fit, shortens a long path to its first and last steps around one
/// "… N steps not drawn" node, and leaves out the paths that no longer fit. Graphviz needs
/// minutes for a 2,000-hop chain and the picture is unreadable long before that.
extension AttackPathDiagram {
    /// The default node budget of attack-path graphs.
    public static let defaultNodeBudget = 120

    /// What ``budgeted(_:)`` cut.
    public struct Cut: Hashable, Sendable {
        /// Paths left out entirely.
        public var omittedPaths = 0
        /// Steps replaced by elision nodes, over all shortened paths.
        public var elidedSteps = 0
        /// The states standing for elided steps (drawn differently).
        public var elisionStates: Set<String> = []

        public var isEmpty: Bool { omittedPaths == 0 && elidedSteps == 0 }
    }

    /// This diagram cut to at most `nodeBudget` distinct states (at least 4 are needed to shorten
    /// a path: its start, one elision node, a last step's two states), and what was cut.
    /// - Complexity: O(total steps).
    public func budgeted(_ nodeBudget: Int) -> (diagram: AttackPathDiagram, cut: Cut) {
        var states = Set<String>()
        for path in paths { for s in path { states.insert(s.from); states.insert(s.to) } }
        if paths.isEmpty { states.insert(goal) }
        guard states.count > nodeBudget else { return (self, Cut()) }

        var kept: [[Step]] = []
        var seen = Set<String>()
        var cut = Cut()
        for (index, path) in paths.enumerated() {
            let new = Set(path.flatMap { [$0.from, $0.to] }).subtracting(seen)
            let room = nodeBudget - seen.count
            if new.count <= room {
                kept.append(path)
                seen.formUnion(new)
            } else if room >= 4 && path.count >= 3 {
                let (short, elided, elision) = Self.shortened(path, states: room, index: index)
                kept.append(short)
                for s in short { seen.insert(s.from); seen.insert(s.to) }
                cut.elidedSteps += elided
                cut.elisionStates.insert(elision)
            } else {
                cut.omittedPaths += 1
            }
        }
        return (AttackPathDiagram(paths: kept, goal: goal, title: title), cut)
    }

    /// `path` (k ≥ 3 steps) as its first `h` and last `t` steps joined through one elision state,
    /// with at most `states` distinct states (h + t ≤ states − 3, counted without sharing).
    static func shortened(_ path: [Step], states: Int, index: Int) -> (steps: [Step], elided: Int, elision: String) {
        let keep = min(path.count - 1, states - 3)
        let head = (keep + 1) / 2, tail = keep - head
        let elided = path.count - head - tail
        let elision = "… \(elided) step\(elided == 1 ? "" : "s") not drawn (path \(index + 1))"
        let before = head > 0 ? path[head - 1].to : path[0].from
        let after = tail > 0 ? path[path.count - tail].from : path[path.count - 1].to
        let note = "\(elided) steps not drawn: `kube-reach paths` (text or JSON) lists every step"
        let into = Step(from: before, to: elision, techniqueID: "…", techniqueName: "", permission: note)
        let out = Step(from: elision, to: after, techniqueID: "…", techniqueName: "", permission: note)
        return (Array(path[..<head]) + [into, out] + Array(path[(path.count - tail)...]), elided, elision)
    }
}
