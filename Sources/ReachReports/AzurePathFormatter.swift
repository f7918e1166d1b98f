import AzureEngine
import Foundation
import ReachKit
import ReachModel

/// `paths --azure` answers in text and JSON. Formatting only.
extension AzureFormatter {
    /// `start → goal`: each step with its technique, then what grants the goal.
    public static func pathText(_ r: AzurePathReport) -> String {
        var out = "\(r.start) → \(r.goal)\n"
        guard let steps = r.steps else {
            let edges = r.footholds ? "E1–E13 and the footholds.md edges" : "E1–E13"
            return SafeText.terminalText(out + "  unreachable in the model (Azure identity edges AZ1–AZ9 and \(edges))\n")
        }
        if steps.isEmpty { out += "  already allowed (length 0)\n" } else { out += "  length \(steps.count)\n" }
        for (i, s) in steps.enumerated() {
            out += "  \(i + 1). \(s.technique) \(s.title) → \(s.to)\(s.isAssumption ? "  [assumption]" : "")\n"
            for e in s.evidence { out += "       \(e)\n" }
            if let note = s.admissionNote { out += "       note: \(note)\n" }
        }
        if !r.goalGrantedBy.isEmpty { out += "  goal granted by:\n" + r.goalGrantedBy.map { "    \($0)\n" }.joined() }
        let assumed = r.assumptionSteps
        if r.footholds, !assumed.isEmpty {
            out += "  assumes step\(assumed.count == 1 ? "" : "s") \(assumed.map { String($0 + 1) }.joined(separator: ", ")) "
                + "exploitable (X1/X2); --no-assume-exploitable drops them\n"
        }
        return SafeText.terminalText(out)
    }

    /// `{"from", "goal", "reachable", "length", "hops", "via", "goalGrantedBy"}` (the paths shape of interfaces.md, plus evidence).
    /// A foothold search (``AzurePathReport/footholds``) adds `via[].assumption` and `assumptions`
    /// (1-based step numbers using X1/X2), as the foothold paths answer does.
    public static func pathValue(_ r: AzurePathReport) -> JSONValue {
        let steps = r.steps ?? []
        let via: [JSONValue] = steps.map { s in
            var o: [(String, JSONValue)] = [("technique", .string(s.technique)), ("title", .string(s.title)), ("state", .string(s.to)),
                                            ("evidence", .strings(s.evidence))]
            if r.footholds { o.append(("assumption", .bool(s.isAssumption))) }
            // Only on steps that carry it (`paths --aks`), so other answers are unchanged.
            if let note = s.admissionNote { o.append(("subjectToAdmissionPolicy", .string(note))) }
            return .object(o)
        }
        var out: [(String, JSONValue)] = [("from", .string(r.start)), ("goal", .string(r.goal.description)), ("reachable", .bool(r.steps != nil)),
                                         ("length", r.steps.map { .int($0.count) } ?? .null), ("hops", .strings(steps.map(\.to))),
                                         ("via", .array(via)), ("goalGrantedBy", .strings(r.goalGrantedBy))]
        if r.footholds { out.append(("assumptions", .array(r.assumptionSteps.map { .int($0 + 1) }))) }
        return .object(out)
    }

    public static func pathJSON(_ r: AzurePathReport) -> String { JSONText.encode(pathValue(r)) }

    /// `--to-admin --azure`: the Entra principals and managed identities, by path length.
    public static func holdersText(_ reports: [AzurePathReport], title: String) -> String {
        var out = "\(title): \(reports.count) Azure principal\(reports.count == 1 ? "" : "s")\n\n"
        var table = TextTable(header: ["PRINCIPAL", "LENGTH", "FIRST HOP"])
        for r in reports {
            let first = r.steps?.first.map { "\($0.technique) → \($0.to)" } ?? "-"
            table.add([r.start, String(r.steps?.count ?? 0), first])
        }
        if !reports.isEmpty { out += table.render() }
        return SafeText.terminalText(out)
    }

    /// A Kubernetes holders JSON document (as text) with an `azure` member added.
    public static func combinedHoldersJSON(_ kubernetes: String, _ reports: [AzurePathReport]) -> String {
        guard var doc = JSONValue(parsing: Data(kubernetes.utf8)) else { return kubernetes }
        doc["azure"] = .array(reports.map(pathValue))
        return JSONText.encode(doc)
    }

    public static func holdersJSON(_ reports: [AzurePathReport]) -> String {
        JSONText.encode(["azure": .array(reports.map(pathValue))])
    }
}
