import AttackGraph
import RBACEngine
import ReachKit
import ReachModel

/// Foothold path answers (footholds.md) as text and JSON. Formatting only: the paths come from
/// ``AttackGraph/FootholdGraph``.
public enum FootholdFormatter {
    /// One path, step by step: technique, object, why the condition holds, permissions used, and
    /// which steps are assumptions.
    public static func pathText(_ r: FootholdPathReport) -> String {
        var out = "from \(t(r.from)) to \(t(r.goal))\(r.assumeExploitable ? "" : " (exploitability not assumed: no X1/X2)")\n"
        guard let steps = r.steps else {
            return SafeText.terminalText(out + "unreachable: no path in the model (escalation.md and footholds.md edges)\n\nNote: \(RBACCaveat.text)\n")
        }
        out += steps.isEmpty ? "length 0: already holds the goal\n" : "length \(steps.count)\n"
        for (i, s) in steps.enumerated() {
            out += "\(i + 1). \(s.technique) \(t(s.title)): \(t(s.from)) → \(t(s.to))\(s.isAssumption ? "  [assumption]" : "")\n"
            if !s.object.isEmpty { out += "   object: \(t(s.object))\n" }
            if !s.detail.isEmpty { out += "   because: \(t(s.detail))\n" }
            if let note = s.admissionNote { out += "   note: \(t(note))\n" }
            for p in s.permissions {
                out += "   uses \(t(p.request)) granted by \(p.grantedBy.map(t).joined(separator: "; "))\n"
            }
        }
        if !r.goalHeldBy.isEmpty { out += "goal \(t(r.goal)) held: \(r.goalHeldBy.map(t).joined(separator: "; "))\n" }
        let assumed = r.assumptionSteps
        if !assumed.isEmpty {
            out += "assumes step\(assumed.count == 1 ? "" : "s") \(assumed.map { String($0 + 1) }.joined(separator: ", ")) "
                + "exploitable (X1/X2); --no-assume-exploitable drops them\n"
        }
        return SafeText.terminalText(out + "\nNote: \(RBACCaveat.text)\n")
    }

    public static func pathJSON(_ r: FootholdPathReport) -> String {
        JSONText.encode(pathObject(r))
    }

    /// interfaces.md's `paths` fields (`from`, `goal`, `reachable`, `length`, `hops`, `via`) plus
    /// `assumptions` (1-based step numbers that are X1/X2) and `assumeExploitable`.
    static func pathObject(_ r: FootholdPathReport) -> JSONValue {
        let steps = r.steps ?? []
        let via: [JSONValue] = steps.map { s in
            let o: JSONValue = ["technique": .string(s.technique.raw), "title": .string(s.title), "from": .string(s.from), "state": .string(s.to),
             "object": .string(s.object), "detail": .string(s.detail), "assumption": .bool(s.isAssumption),
             "permissions": .array(s.permissions.map { p -> JSONValue in
                 ["request": RBACJSONFormatter.request(p.request), "grantedBy": .strings(p.grantedBy)]
             })]
            // Only on steps that carry it, so answers without an admission engine are unchanged.
            guard let note = s.admissionNote, case .object(var pairs) = o else { return o }
            pairs.append(("subjectToAdmissionPolicy", .string(note)))
            return .object(pairs)
        }
        return ["from": .string(r.from), "goal": goal(r.goal), "reachable": .bool(r.reachable), "length": .int(r.length),
                "hops": .strings(steps.map(\.to)), "via": .array(via), "goalHeldBy": .strings(r.goalHeldBy),
                "assumptions": .array(r.assumptionSteps.map { .int($0 + 1) }), "assumeExploitable": .bool(r.assumeExploitable)]
    }

    /// A request goal as interfaces.md's request object; `node` and `Node:n` as strings.
    static func goal(_ g: FootholdGoal) -> JSONValue {
        if case .request(let r) = g { return RBACJSONFormatter.request(r) }
        return .string(g.description)
    }
}

private func t(_ value: some CustomStringConvertible) -> String { SafeText.terminal(value.description) }

/// Transitive holders on the foothold graph (`who-can --transitive --footholds`,
/// `paths --to-admin --footholds`): every start (identity, pod, node, the internet) with its
/// length, first hop and whether the path rests on assumptions.
public enum FootholdHoldersFormatter {
    public static func text(_ paths: [FootholdPath], goal: FootholdGoal, graph: FootholdGraph, title: String) -> String {
        var table = TextTable(header: ["SUBJECT", "LENGTH", "FIRST HOP", "ASSUMES"], rightAligned: [1])
        for p in paths {
            let first = p.steps.first.map { e in
                "\(e.technique) → \(graph.state(e.to))" + (e.object.isEmpty ? "" : " (\(e.object))")
            }
            table.add([graph.state(p.start).description, "\(p.length)", first ?? "(direct)", p.usesAssumptions ? "X1/X2" : "-"])
        }
        return SafeText.terminalText("\(title): \(goal) (footholds)\n" + table.render() + "\(paths.count) subject(s)\n\nNote: \(RBACCaveat.text)\n")
    }

    public static func json(_ paths: [FootholdPath], goal: FootholdGoal, graph: FootholdGraph) -> String {
        let list: [JSONValue] = paths.map { p in
            ["subject": .string(graph.state(p.start).description), "length": .int(p.length),
             "hops": .strings(p.steps.map { graph.state($0.to).description }),
             "via": .array(p.steps.map { ["technique": .string($0.technique.raw), "state": .string(graph.state($0.to).description),
                                         "object": .string($0.object), "assumption": .bool($0.isAssumption)] }),
             "usesAssumptions": .bool(p.usesAssumptions)]
        }
        return JSONText.encode(["goal": FootholdFormatter.goal(goal), "subjects": .array(list)])
    }
}
