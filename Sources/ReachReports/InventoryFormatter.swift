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
        if !inv.rows.isEmpty {
            out += "\n"
            var table = TextTable(header: ["KIND", "NAMESPACE", "COUNT"], rightAligned: [2])
            var lastKind: ObjectKind? = nil
            for row in inv.rows {
                let kind = row.kind == lastKind ? "" : row.kind.rawValue
                lastKind = row.kind
                table.add([kind, row.namespace ?? "(cluster)", String(row.count)])
            }
            out += table.render()
            out += "\nTotals: " + inv.totals.keys.sorted().map { "\($0.rawValue) \(inv.totals[$0] ?? 0)" }.joined(separator: ", ") + "\n"
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
        var kinds: [String: Any] = [:]
        for (kind, total) in inv.totals {
            var entry: [String: Any] = ["total": total]
            if kind.isNamespaced {
                var ns: [String: Int] = [:]
                for row in inv.rows where row.kind == kind { ns[row.namespace ?? ""] = row.count }
                entry["namespaces"] = ns
            }
            kinds[kind.rawValue] = entry
        }
        let doc: [String: Any] = [
            "files": inv.files,
            "bytes": inv.bytes,
            "objects": inv.objectCount,
            "kinds": kinds,
            "skipped": inv.skipped,
            "diagnostics": inv.diagnostics.map(DiagnosticsFormatter.jsonObject),
            "summary": ["errors": inv.count(.error), "warnings": inv.count(.warning)],
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

    public static func jsonObject(_ d: Diagnostic) -> [String: Any] {
        var o: [String: Any] = ["id": d.id, "severity": d.severity.rawValue, "message": d.message, "text": d.description]
        if let l = d.location {
            o["file"] = l.file; o["document"] = l.document; o["line"] = l.line; o["column"] = l.column
        }
        if let p = d.path { o["path"] = p }
        return o
    }
}

/// Deterministic JSON text (sorted keys, no escaped slashes, 2-space indent, trailing newline).
/// The serializer escapes C0 controls as `\u00XX`; DEL, C1 controls, bidi and other format
/// characters and U+2028/U+2029 (valid raw in JSON, unsafe on a terminal) are escaped as
/// `\uXXXX` too (surrogate pairs above U+FFFF) — the same JSON value, safe to `cat`.
public enum JSONText {
    public static func encode(_ value: Any) -> String {
        guard JSONSerialization.isValidJSONObject(value),
              let data = try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "null\n" }
        return escapeUnsafe(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// `json` with every raw terminal-unsafe scalar other than JSON whitespace (LF, CR, TAB: the
    /// serializer escapes those inside strings, so raw ones are structural) written as a
    /// `\uXXXX` escape; the others can only occur inside strings.
    /// - Complexity: O(n); no copy when there is none.
    public static func escapeUnsafe(_ json: String) -> String {
        func unsafe(_ s: Unicode.Scalar) -> Bool { s != "\n" && s != "\r" && s != "\t" && SafeText.isTerminalUnsafe(s) }
        guard json.unicodeScalars.contains(where: unsafe) else { return json }
        var out = ""
        out.reserveCapacity(json.utf8.count + 16)
        for s in json.unicodeScalars {
            guard unsafe(s) else { out.unicodeScalars.append(s); continue }
            for unit in String(s).utf16 {
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return out
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
