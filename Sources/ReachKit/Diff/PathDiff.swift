import AttackGraph
import RBACEngine
import ReachModel

/// Attack-path changes between two snapshots: start states that newly reach a goal (with their
/// new shortest path), and those that no longer do (with the path they had).
///
/// Starts are keyed by their state string (`ServiceAccount:ns/name`, `User:alice`), never by state
/// ID (the two graphs number states differently), so other kinds of start — footholds such as
/// internet, pod or node states — plug in without change here: ``holders(_:goal:)`` lists whatever
/// starts ``AttackGraph/AttackGraph/transitiveHolders(of:)`` returns for the graphs it is given.
public struct PathDiff: Sendable {
    /// A goal `diff` compares.
    public struct Goal: Sendable {
        public var request: AccessRequest
        public var title: String
    }

    /// A minimal path as text: the start and, per step, technique, state reached and object used.
    public struct PathSummary: Sendable {
        public var start: String
        /// `assumption`: the step is an assumption of the foothold graph (X1, X2: an exposed or
        /// reachable service is exploitable); always false for RBAC steps.
        public var steps: [(technique: String, state: String, object: String, assumption: Bool)]
        /// A binding granting the first step's permission (the goal itself for length 0), when
        /// one does: where a reviewer looks first.
        public var location: SourceLocation?
        public var length: Int { steps.count }
    }

    /// One start whose reach of a goal changed.
    public struct Change: Sendable {
        public var goal: Goal
        /// The path on the side where the goal is reachable (after for gains, before for losses).
        public var path: PathSummary
    }

    /// cluster-admin-equivalence, reading every namespace's secrets, reading kube-system's secrets.
    public static let goals: [Goal] = [
        Goal(request: AttackGraph.adminGoal, title: "cluster-admin-equivalent (* on * cluster-wide)"),
        Goal(request: AccessRequest(verb: "get", resource: "secrets"), title: "read secrets in every namespace"),
        Goal(request: AccessRequest(verb: "get", resource: "secrets", namespace: "kube-system"), title: "read secrets in kube-system"),
    ]

    /// Goal by goal (``goals`` order), starts in code-point order.
    public var gained: [Change]
    public var lost: [Change]

    /// Whether the starts are those of the foothold graph (`diff --footholds`): the internet, pods
    /// and nodes besides identities; `assumeExploitable` says whether X1/X2 were allowed.
    public var footholds: Bool = false
    public var assumeExploitable: Bool = true

    public var isEmpty: Bool { gained.isEmpty && lost.isEmpty }

    /// - Complexity: per goal, one reverse goal search per graph (O(S + E), see
    ///   ``AttackGraph/GoalDistances``) and O(S log S) to compare starts.
    public init(before: AttackGraph, after: AttackGraph, goals: [Goal] = PathDiff.goals) {
        self.init(goals: goals, before: { Self.holders(before, goal: $0.request) }, after: { Self.holders(after, goal: $0.request) })
    }

    /// Compares the holders each side's `before`/`after` gives per goal (start state string to
    /// minimal path): gained are the keys of `after` only, lost those of `before` only.
    /// - Complexity: the two closures per goal plus O(S log S) to compare starts.
    public init(goals: [Goal], before: (Goal) -> [String: PathSummary], after: (Goal) -> [String: PathSummary]) {
        var gained: [Change] = [], lost: [Change] = []
        for goal in goals {
            let a = before(goal), b = after(goal)
            for key in Self.sortedKeys(b) where a[key] == nil { if let p = b[key] { gained.append(Change(goal: goal, path: p)) } }
            for key in Self.sortedKeys(a) where b[key] == nil { if let p = a[key] { lost.append(Change(goal: goal, path: p)) } }
        }
        self.gained = gained
        self.lost = lost
    }

    /// Every start that reaches `goal` (length 0 included), with its minimal path.
    /// - Complexity: see ``AttackGraph/AttackGraph/transitiveHolders(of:)``.
    public static func holders(_ graph: AttackGraph, goal: AccessRequest) -> [String: PathSummary] {
        var out: [String: PathSummary] = [:]
        for path in graph.transitiveHolders(of: goal) {
            let steps = path.steps.map { (technique: $0.technique.raw, state: graph.table[$0.to].description, object: $0.object, assumption: false) }
            let first = path.steps.first?.requests.first ?? goal
            let location = graph.table.index.check(path.start.identity, first).grants.map(\.bindingLocation).min()
            out[path.start.description] = PathSummary(start: path.start.description, steps: steps, location: location)
        }
        return out
    }

    static func sortedKeys(_ d: [String: PathSummary]) -> [String] {
        d.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
