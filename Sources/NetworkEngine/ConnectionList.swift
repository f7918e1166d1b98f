import ReachCore
import ReachModel

/// One line of a connectivity list: `source => destination : connections`.
public struct ConnectionRow: Hashable, Sendable {
    public var source: String
    public var destination: String
    public var connections: ConnectionSet
}

/// Which endpoints a `--from`/`--to` option keeps.
public enum EndpointFilter: Hashable, Sendable {
    /// `ns/name`, `ns/name[Kind]`, or `ns/*` for a whole namespace.
    case name(String)
    /// Endpoints of `namespace` (`nil` = any) whose labels the selector matches.
    case selector(namespace: String?, LabelSelector)

    /// Parses `NS/k=v,k2=v2` (`*/…` for every namespace; equality terms only).
    public init?(selector text: String) {
        guard let slash = text.firstIndex(of: "/") else { return nil }
        let ns = String(text[..<slash])
        var labels: [String: String] = [:]
        for term in text[text.index(after: slash)...].split(separator: ",") {
            let kv = term.split(separator: "=", maxSplits: 1).map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
            guard kv.count == 2, !kv[0].isEmpty else { return nil }
            labels[kv[0]] = kv[1]
        }
        self = .selector(namespace: ns == "*" ? nil : ns, LabelSelector(matchLabels: labels))
    }

    public func matches(_ e: NetworkEndpoint) -> Bool {
        switch self {
        case .name(let filter):
            if filter.hasSuffix("/*") { return e.namespace == String(filter.dropLast(2)) }
            return e.displayName == filter || "\(e.namespace)/\(e.name)" == filter
        case .selector(let ns, let sel):
            return (ns == nil || ns == e.namespace) && sel.matches(e.labels)
        }
    }
}

/// What a connectivity list shows.
public struct ConnectionListOptions: Sendable {
    /// One row per endpoint pair instead of per class pair.
    public var expand: Bool
    /// Restrict connections to these probes (`nil` = every port of every protocol).
    public var probes: [ProbePort]?
    /// Keep rows whose source / destination matches; `nil` = all.
    public var from: EndpointFilter?
    public var to: EndpointFilter?
    /// Include rows to and from external IP atoms.
    public var external: Bool

    public init(expand: Bool = false, probes: [ProbePort]? = nil, from: EndpointFilter? = nil, to: EndpointFilter? = nil,
                external: Bool = true) {
        self.expand = expand
        self.probes = probes
        self.from = from
        self.to = to
        self.external = external
    }
}

extension NetworkReach {
    /// Allowed connections as rows, sorted by (source, destination) in code-point order. Self
    /// traffic is left out (always allowed, rule 2); a class→same-class row means "between
    /// different pods of the class". Builds every row: for large clusters stream them with
    /// ``connectionRows(_:)`` instead.
    /// - Complexity: see ``ConnectionRowStream/forEach(_:)``; plus O(rows) strings.
    public func connectionList(_ options: ConnectionListOptions = ConnectionListOptions()) -> [ConnectionRow] {
        var stream = connectionRows(options)
        let labels = stream.labels
        var rows: [ConnectionRow] = []
        stream.forEach { s, d, _, set in
            rows.append(ConnectionRow(source: labels[s], destination: labels[d], connections: set))
        }
        return rows
    }

    /// The rows of a connectivity list as integer triples over label and connection tables, in
    /// output order (see ``ConnectionRowStream``).
    /// - Complexity: O(L log L) label sorting for L = classes (endpoints with `expand`) + external
    ///   atoms, plus one matrix per port class (cached: Q × K²/8 bytes).
    public func connectionRows(_ options: ConnectionListOptions = ConnectionListOptions()) -> ConnectionRowStream {
        ConnectionRowStream(reach: self, options: options)
    }

    /// `ns/name` for a single-member class, else `ns/{a, b, c}` (at most 4 names, then `… +N`).
    public func classLabel(_ c: Int) -> String {
        let members = classes.members[c].map { endpoints[$0] }
        guard let first = members.first else { return "" }
        if members.count == 1 { return first.displayName }
        let names = members.map { $0.kind == .pod ? $0.name : "\($0.name)[\($0.kind.rawValue)]" }
        let shown = names.prefix(4).joined(separator: ", ") + (names.count > 4 ? ", … +\(names.count - 4)" : "")
        return "\(first.namespace)/{\(shown)}"
    }

    /// The label of external IP atom `e` in connectivity lists.
    public func externalLabel(_ e: Int) -> String { "\(ipAtoms.atoms[e])[External]" }

    func restrict(_ set: ConnectionSet, _ probes: [ProbePort]?) -> ConnectionSet {
        guard let probes else { return set }
        var out = ConnectionSet()
        for p in probes.sorted() where set.contains(p) { out.add(p.protocolName, p.port...p.port) }
        return out
    }
}

extension ConnectionRow {
    /// Code-point order of (source, destination).
    public static func codePointOrder(_ a: ConnectionRow, _ b: ConnectionRow) -> Bool {
        if a.source != b.source { return a.source.utf8.lexicographicallyPrecedes(b.source.utf8) }
        return a.destination.utf8.lexicographicallyPrecedes(b.destination.utf8)
    }
}
