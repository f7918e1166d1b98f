import AttackGraph
import RBACEngine
import ReachModel

extension PathDiff {
    /// `diff --footholds`: the same ``goals`` on each side's foothold graph (footholds.md), whose
    /// starts are identities, the internet (`Internet`), pods (`Pod:ns/p`) and nodes (`Node:n`),
    /// all keyed by their state string so the two graphs' numberings never meet.
    /// - Complexity: per goal and side, one ``AttackGraph/FootholdGraph/transitiveHolders(of:assumeExploitable:)``,
    ///   plus O(objects) once per side to locate paths without an RBAC step.
    public init(before: FootholdGraph, after: FootholdGraph, beforeSnapshot: ClusterSnapshot, afterSnapshot: ClusterSnapshot,
                assumeExploitable: Bool, goals: [Goal] = PathDiff.goals) {
        let a = FootholdLocator(before, beforeSnapshot), b = FootholdLocator(after, afterSnapshot)
        self.init(goals: goals,
                  before: { Self.holders(before, goal: $0.request, assumeExploitable: assumeExploitable, locator: a) },
                  after: { Self.holders(after, goal: $0.request, assumeExploitable: assumeExploitable, locator: b) })
        footholds = true
        self.assumeExploitable = assumeExploitable
    }

    /// Every start of the foothold graph that reaches `goal` (length 0 included), with its
    /// canonical minimal path (assumption steps marked).
    /// - Complexity: see ``AttackGraph/FootholdGraph/transitiveHolders(of:assumeExploitable:)``.
    static func holders(_ graph: FootholdGraph, goal: AccessRequest, assumeExploitable: Bool,
                        locator: FootholdLocator) -> [String: PathSummary] {
        var out: [String: PathSummary] = [:]
        for path in graph.transitiveHolders(of: .request(goal), assumeExploitable: assumeExploitable) {
            let start = graph.state(path.start).description
            let steps = path.steps.map {
                (technique: $0.technique.raw, state: graph.state($0.to).description, object: $0.object, assumption: $0.isAssumption)
            }
            out[start] = PathSummary(start: start, steps: steps, location: locator.location(path, goal: goal))
        }
        return out
    }
}

/// Where a reviewer looks first for a foothold path: the binding granting its first RBAC step's
/// permission; else the manifest of the first step's object (the exposing Service or Ingress, the
/// pod escaped from); else the start pod's manifest; else the binding granting the goal to an
/// identity start.
struct FootholdLocator {
    let graph: FootholdGraph
    let objects: [String: SourceLocation]

    init(_ graph: FootholdGraph, _ snapshot: ClusterSnapshot) {
        self.graph = graph
        var objects: [String: SourceLocation] = [:]
        snapshot.forEachObject { ref, meta in objects[ref.description] = objects[ref.description] ?? meta.location }
        self.objects = objects
    }

    /// - Complexity: O(steps) RBAC checks at most.
    func location(_ path: FootholdPath, goal: AccessRequest) -> SourceLocation? {
        let index = graph.attack.table.index
        for s in path.steps {
            guard let e = s.rbac, s.from < graph.identityCount else { continue }
            let identity = graph.attack.table[s.from].identity
            if let l = e.requests.lazy.compactMap({ index.check(identity, $0).grants.map(\.bindingLocation).min() }).first { return l }
        }
        for s in path.steps {
            if let token = s.object.split(separator: " ").first, let l = objects[String(token)] { return l }
        }
        if path.start < graph.identityCount {
            return index.check(graph.attack.table[path.start].identity, goal).grants.map(\.bindingLocation).min()
        }
        if case .pod(let name) = graph.state(path.start) { return objects["Pod/" + name] }
        return nil
    }
}
