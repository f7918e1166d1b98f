import Foundation
import ReachKit
import ReachModel

/// Formats an ``Inventory`` as aligned text or JSON. Formatting only: sorting happens upstream
/// or here by stable keys.
public enum InventoryFormatter {
    /// Human-readable, aligned.
    public static func text(_ inv: Inventory) -> String {
        var out = "Loaded \(inv.objectCount) objects from \(inv.files) file\(inv.files == 1 ? "" : "s")"
        out += " (\(ByteCount.format(inv.bytes)))"
        if inv.skippedCount > 0 { out += "; skipped \(inv.skippedCount) of other kinds" }
        out += ".\n"
        let rows = inv.rows.map { ($0.kind.rawValue, $0.namespace, $0.count) } + inv.policyRows.map { ($0.kind, $0.namespace, $0.count) }
        if !rows.isEmpty {
            out += "\n"
            var table = TextTable(header: ["KIND", "NAMESPACE", "COUNT"], rightAligned: [2])
            var lastKind: String? = nil
            var totals: [String: Int] = [:]
            for (kind, namespace, count) in rows {
                table.add([kind == lastKind ? "" : kind, namespace ?? "(cluster)", String(count)])
                lastKind = kind
                totals[kind, default: 0] += count
            }
            out += table.render()
            out += "\nTotals: " + totals.keys.sorted().map { "\($0) \(totals[$0] ?? 0)" }.joined(separator: ", ") + "\n"
        }
        if !inv.skipped.isEmpty {
            out += "\nSkipped (not modelled):\n"
            var table = TextTable(header: ["APIVERSION KIND", "COUNT"], rightAligned: [1])
            for key in inv.skipped.keys.sorted() { table.add([key, String(inv.skipped[key] ?? 0)]) }
            out += table.render(indent: "  ")
        }
        out += "\n" + DiagnosticsFormatter.text(inv.diagnostics)
        return SafeText.terminalText(out)
    }

    /// The JSON document of `kube-reach inventory --output json` (keys sorted).
    public static func json(_ inv: Inventory) -> String {
        var kinds: [(String, JSONValue)] = []
        for (kind, total) in inv.totals {
            var entry: JSONValue = ["total": .int(total)]
            if kind.isNamespaced {
                var ns: [String: Int] = [:]
                for row in inv.rows where row.kind == kind { ns[row.namespace ?? ""] = row.count }
                entry["namespaces"] = .object(ns.map { ($0.key, .int($0.value)) })
            }
            kinds.append((kind.rawValue, entry))
        }
        var policyKinds: [String: [(String, JSONValue)]] = [:]
        var policyTotals: [String: Int] = [:]
        for row in inv.policyRows {
            policyTotals[row.kind, default: 0] += row.count
            if let ns = row.namespace { policyKinds[row.kind, default: []].append((ns, .int(row.count))) }
        }
        for (kind, total) in policyTotals {
            var entry: JSONValue = ["total": .int(total)]
            if let ns = policyKinds[kind] { entry["namespaces"] = .object(ns) }
            kinds.append((kind, entry))
        }
        let doc: JSONValue = [
            "files": .int(inv.files),
            "bytes": .int(inv.bytes),
            "objects": .int(inv.objectCount),
            "kinds": .object(kinds),
            "skipped": .object(inv.skipped.map { ($0.key, .int($0.value)) }),
            "diagnostics": .array(inv.diagnostics.map(DiagnosticsFormatter.jsonObject)),
            "summary": ["errors": .int(inv.count(.error)), "warnings": .int(inv.count(.warning))],
        ]
        return JSONText.encode(doc)
    }
}

/// Diagnostics in text and JSON.
public enum DiagnosticsFormatter {
    /// One line per diagnostic; its text (file, path, message: all may quote the input) is
    /// escaped with ``SafeText/terminal(_:)``.
    public static func text(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count { $0.severity == .warning }
        if diagnostics.isEmpty { return "No diagnostics.\n" }
        var out = "Diagnostics: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        for d in diagnostics {
            out += "  \(d.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(d.id)  \(SafeText.terminal(d.description))\n"
        }
        return out
    }

    public static func jsonObject(_ d: Diagnostic) -> JSONValue {
        var o: JSONValue = ["id": .string(d.id), "severity": .string(d.severity.rawValue), "message": .string(d.message),
                            "text": .string(d.description)]
        if let l = d.location {
            o["file"] = .string(l.file); o["document"] = .int(l.document); o["line"] = .int(l.line); o["column"] = .int(l.column)
        }
        if let p = d.path { o["path"] = .string(p) }
        return o
    }
}

/// Human byte counts.
public enum ByteCount {
    public static func format(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return String(format: "%.1f KiB", Double(bytes) / 1024) }
        return String(format: "%.1f MiB", Double(bytes) / 1024 / 1024)
    }
}
