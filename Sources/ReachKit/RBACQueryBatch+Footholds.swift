import AttackGraph
import NetworkEngine
import RBACEngine
import ReachModel

extension RBACQueryBatch {
    /// Whether a `paths` entry starts at a foothold (`"from": "Internet"`, `"Pod:N/p"`, `"Node:n"`,
    /// `"Node:*"`) or asks for a node goal (`"goal": "node"` or `"Node:n"`): such entries are
    /// answered on the foothold graph (footholds.md); all others exactly as before.
    static func isFootholdPath(_ item: JSONValue) -> Bool {
        if let from = item["from"]?.stringValue, FootholdState.parse(from) != nil { return true }
        return item["goal"]?.stringValue != nil
    }

    /// Answers foothold `paths` entries: interfaces.md's `reachable`, `length`, `hops`, `via` (each
    /// step also says whether it is an `assumption`) plus `assumptions` (1-based step numbers using
    /// X1/X2). `"assumeExploitable": false` drops X1/X2. One foothold graph serves every entry.
    /// - Complexity: one network analysis and one foothold graph, plus one goal search per entry.
    static func answerFootholdPaths(_ items: [(offset: Int, element: JSONValue)], index: RBACIndex,
                                    snapshot: ClusterSnapshot) throws -> [Int: JSONValue] {
        var questions: [(Int, JSONValue, FootholdState, FootholdGoal, Bool)] = []
        var identityStarts: [AttackState] = []
        for (i, item) in items {
            let path = "paths[\(i)]"
            let fromText = try string(item, "from", path, required: true)
            let start: FootholdState
            if let f = FootholdState.parse(fromText) {
                start = f
            } else if let principal = Principal(parsing: fromText) {
                let s = AttackGraph.start(principal, groups: try strings(item, "fromGroups", path))
                identityStarts.append(s)
                start = .identity(s)
            } else {
                throw QueryError(description: "\(path).from: expected Internet, Pod:NS/NAME, Node:NAME, User:NAME, Group:NAME or ServiceAccount:NS/NAME")
            }
            let goal: FootholdGoal
            if let g = item["goal"]?.stringValue {
                if g == "node" { goal = .anyNode } else if g.hasPrefix("Node:"), g.count > 5 { goal = .node(String(g.dropFirst(5))) } else {
                    throw QueryError(description: "\(path).goal: expected a request object, \"node\" or \"Node:NAME\"")
                }
            } else if let g = item["goal"], g.isObject {
                goal = .request(try request(g, "\(path).goal"))
            } else {
                throw QueryError(description: "\(path).goal: expected an object")
            }
            var assume = true
            if let a = item["assumeExploitable"], a != .null {
                guard let b = a.boolValue else { throw QueryError(description: "\(path).assumeExploitable: expected a boolean") }
                assume = b
            }
            questions.append((i, item, start, goal, assume))
        }
        let attack = AttackGraph(snapshot: snapshot, index: index,
                                 starts: identityStarts + FootholdGraph.templateServiceAccounts(snapshot))
        let graph = FootholdGraph(snapshot: snapshot, attack: attack, reach: NetworkEngine.analyze(snapshot))
        var out: [Int: JSONValue] = [:]
        for (i, item, start, goal, assume) in questions {
            var o = item
            let report = graph.report(from: start, to: goal, assumeExploitable: assume)
            o["reachable"] = .bool(report.reachable)
            o["length"] = .int(report.length)
            let steps = report.steps ?? []
            o["hops"] = .strings(steps.map(\.to))
            o["via"] = .array(steps.map { s -> JSONValue in
                ["technique": .string(s.technique.raw), "title": .string(s.title), "object": .string(s.object), "state": .string(s.to),
                 "assumption": .bool(s.isAssumption)]
            })
            o["assumptions"] = .array(report.assumptionSteps.map { .int($0 + 1) })
            out[i] = o
        }
        return out
    }
}
