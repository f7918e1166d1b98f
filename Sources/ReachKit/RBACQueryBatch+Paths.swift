import Foundation
import AttackGraph
import RBACEngine
import ReachModel

extension RBACQueryBatch {
    /// Answers the `paths` list: `reachable`, `length` (edges; 0 = already allowed; `null` when
    /// unreachable), `hops` (state after each edge) and `via` (technique, title, object and state per
    /// step). One graph serves every path of the document.
    static func answerPaths(_ items: [[String: Any]], index: RBACIndex, snapshot: ClusterSnapshot?) throws -> [[String: Any]] {
        guard let snapshot else {
            return items.map { item in
                var o = item
                for key in ["reachable", "length", "hops", "via"] { o[key] = NSNull() }
                return o
            }
        }
        var questions: [(AttackState, AccessRequest)] = []
        for (i, item) in items.enumerated() {
            let path = "paths[\(i)]"
            let fromText = try string(item, "from", path, required: true)
            guard let principal = Principal(parsing: fromText) else {
                throw QueryError(description: "\(path).from: expected User:NAME, Group:NAME or ServiceAccount:NS/NAME")
            }
            var groups: [String]?
            if let g = item["fromGroups"], !(g is NSNull) {
                guard let list = g as? [Any], let strings = list as? [String], strings.count == list.count else {
                    throw QueryError(description: "\(path).fromGroups: expected an array of strings")
                }
                groups = strings
            }
            guard let goal = item["goal"] as? [String: Any] else {
                throw QueryError(description: "\(path).goal: expected an object")
            }
            questions.append((AttackGraph.start(principal, groups: groups), try request(goal, "\(path).goal")))
        }
        let graph = AttackGraph(snapshot: snapshot, index: index, starts: questions.map(\.0))
        return zip(items, questions).map { item, q in
            var o = item
            let report = graph.report(from: q.0, to: q.1)
            o["reachable"] = report.reachable
            o["length"] = report.length.map { $0 as Any } ?? NSNull()
            let steps = report.steps ?? []
            o["hops"] = steps.map(\.to)
            o["via"] = steps.map { s -> [String: Any] in
                ["technique": s.technique.raw, "title": s.title, "object": s.object, "state": s.to]
            }
            return o
        }
    }
}
