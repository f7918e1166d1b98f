import NetworkEngine
import ReachCore
import ReachModel

/// The `reach` pair and connection-list outputs, streamed into a ``ByteWriter``: names are encoded
/// once per endpoint or label, rows come in output order from the engine, and nothing is built per
/// pair except bytes in the writer's buffer — memory does not grow with the number of pairs.
public enum ReachStreamFormatter {
    /// `{"port": 80, "protocol": "TCP"}`.
    static func probeObject(_ p: ProbePort) -> JSONValue {
        ["protocol": .string(p.protocolName.rawValue), "port": .int(p.port)]
    }

    /// The JSON contract of interfaces.md, `{"allowed": {"TCP/80": ["ns/a->ns/b", ...]}, "probes": [...]}`,
    /// for the endpoints in `sources` × `destinations`, pairs in code-point order.
    /// - Complexity: per probe ``NetworkEngine/NetworkReach/forEachSortedPair(_:order:sources:destinations:_:)``
    ///   plus O(bytes written); memory O(N × name length) for the encoded names.
    public static func json(_ reach: NetworkReach, probes: [ProbePort], sources: BitSet, destinations: BitSet,
                            to out: ByteWriter) {
        let order = EndpointOrder(reach.endpoints)
        // Each display name JSON-escaped once (no quotes), in one flat buffer.
        var flat: [UInt8] = [], start: [Int] = [0]
        for e in reach.endpoints {
            var b: [UInt8] = []
            JSONStream.appendQuoted(e.displayName, to: &b)
            flat += b.dropFirst().dropLast()
            start.append(flat.count)
        }
        var stream = JSONStream(out)
        stream.beginObject()
        stream.key("allowed")
        stream.beginObject()
        for p in probes.sorted(by: { JSONStream.keyOrder($0.description, $1.description) }) {
            stream.key(p.description)
            stream.beginArray()
            let indent = [UInt8](repeating: 32, count: 2 * stream.depth)
            if order.isPairOrderExact,
               let cursor = SortedPairCursor(reach, probe: p, order: order, sources: sources, destinations: destinations) {
                if PairBlockRenderer(names: flat, start: start, indent: indent).render(cursor, to: out) { stream.noteMembers() }
            } else {
                // A display name contains "->": sort the pair strings themselves.
                var pairs: [String] = []
                reach.forEachSortedPair(p, order: order, sources: sources, destinations: destinations) { s, d in
                    pairs.append(reach.endpoints[s].displayName + "->" + reach.endpoints[d].displayName)
                }
                for text in pairs.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) { stream.string(text) }
            }
            stream.endArray()
        }
        stream.endObject()
        stream.key("probes")
        stream.value(.array(probes.map(probeObject)))
        if reach.engine.explicit {
            // Only when an engine was chosen (--policy-engine or --aks): the default shape is unchanged.
            stream.key("policyEngine")
            stream.value(["name": .string(reach.engine.engine.rawValue), "reason": .string(reach.engine.reason)])
        }
        stream.endObject()
        out.write(byte: 10)
    }

    /// One output format of a connectivity list.
    public enum ListFormat: Sendable { case text, csv, markdown }

    /// Writes a connectivity list: `src => dst : conn` lines (text; the closing notes are the
    /// caller's), `src,dst,conn` with RFC 4180 quoting (CSV) or a Markdown table. Returns the number
    /// of rows written.
    /// - Complexity: ``NetworkEngine/ConnectionRowStream/forEach(_:)`` plus O(bytes written).
    @discardableResult
    public static func list(_ stream: ConnectionRowStream, format: ListFormat, to out: ByteWriter) -> Int {
        var stream = stream
        let labels: [[UInt8]] = stream.labels.map { Array(cell($0, format).utf8) }
        var connText: [[UInt8]?] = []
        let (head, open, sep1, sep2, end): (String, String, String, String, String) = switch format {
        case .text: ("", "", " => ", " : ", "\n")
        case .csv: ("src,dst,conn\n", "", ",", ",", "\n")
        case .markdown: ("| src | dst | conn |\n|-----|-----|------|\n", "| ", " | ", " | ", " |\n")
        }
        out.write(head)
        let o = Array(open.utf8), s1 = Array(sep1.utf8), s2 = Array(sep2.utf8), e = Array(end.utf8)
        var rows = 0
        var row: [UInt8] = []
        stream.forEach { s, d, c, set in
            while connText.count <= c { connText.append(nil) }
            let conn = connText[c] ?? Array(cell(set.description, format).utf8)
            connText[c] = conn
            rows += 1
            row.removeAll(keepingCapacity: true)
            row += o
            row += labels[s]
            row += s1
            row += labels[d]
            row += s2
            row += conn
            row += e
            row.withUnsafeBytes { out.write(bytes: $0) }
        }
        return rows
    }

    /// Closing notes of the text list.
    /// The engine line of text answers when an engine was chosen (`--policy-engine`, `--aks`):
    /// under `none` it says that nothing is enforced. Empty for the implicit default.
    public static func engineNote(_ choice: PolicyEngineChoice) -> String {
        guard choice.explicit else { return "" }
        let what = choice.engine == .none ? ": NetworkPolicies are not enforced, every pair is allowed" : ""
        return "Policy engine: \(choice.engine.rawValue) (\(SafeText.terminal(choice.reason)))\(what)\n"
    }

    public static func textNotes(rows: Int, expanded: Bool) -> String {
        if rows == 0 { return "No allowed connections between different pods.\n" }
        return (expanded ? "" : "\n(classes of equivalent pods are grouped as ns/{a, b}; --expand lists pod pairs)\n")
            + "Self traffic (a pod to itself) is always allowed and not listed.\n"
    }

    /// A label or connection text made safe for the format (``SafeText``).
    static func cell(_ s: String, _ format: ListFormat) -> String {
        switch format {
        case .text: SafeText.terminal(s)
        case .csv: SafeText.csvField(s)
        case .markdown: SafeText.markdownCell(s)
        }
    }
}
