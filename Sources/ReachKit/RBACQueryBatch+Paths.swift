import Foundation
import AttackGraph
import RBACEngine
import ReachModel

extension RBACQueryBatch {
    /// Answers the `paths` list: `reachable`, `length` (edges; 0 = already allowed; `null` when
    /// unreachable), `hops` (state after each edge) and `via` (technique, title, object and state per
    /// step). One graph serves every path of the document.
    static func answerPaths(_ items: [JSONValue], index: RBACIndex, snapshot: ClusterSnapshot?) throws -> [JSONValue] {
        guard let snapshot else {
            return items.map { item in
                var o = item
                for key in ["reachable", "length", "hops", "via"] { o[key] = .null }
                return o
            }
        }
        let footholdItems = items.enumerated().filter { isFootholdPath($0.element) }
        let footholdAnswers = footholdItems.isEmpty ? [:]
            : try answerFootholdPaths(footholdItems.map { ($0.offset, $0.element) }, index: index, snapshot: snapshot)
        var questions: [(AttackState, AccessRequest)] = []
        for (i, item) in items.enumerated() where footholdAnswers[i] == nil {
            let path = "paths[\(i)]"
            let fromText = try string(item, "from", path, required: true)
            guard let principal = Principal(parsing: fromText) else {
                throw QueryError(description: "\(path).from: expected User:NAME, Group:NAME or ServiceAccount:NS/NAME")
            }
            let groups = try strings(item, "fromGroups", path)
            guard let goal = item["goal"], goal.isObject else {
                throw QueryError(description: "\(path).goal: expected an object")
            }
            questions.append((AttackGraph.start(principal, groups: groups), try request(goal, "\(path).goal")))
        }
        let graph = AttackGraph(snapshot: snapshot, index: index, starts: questions.map(\.0))
        var rbacAnswers = zip(items.enumerated().filter { footholdAnswers[$0.offset] == nil }.map(\.element), questions).map { item, q in
            var o = item
            let report = graph.report(from: q.0, to: q.1)
            o["reachable"] = .bool(report.reachable)
            o["length"] = .int(report.length)
            let steps = report.steps ?? []
            o["hops"] = .strings(steps.map(\.to))
            o["via"] = .array(steps.map { s -> JSONValue in
                ["technique": .string(s.technique.raw), "title": .string(s.title), "object": .string(s.object), "state": .string(s.to)]
            })
            return o
        }.makeIterator()
        return items.indices.compactMap { i in footholdAnswers[i] ?? rbacAnswers.next() }
    }
}
