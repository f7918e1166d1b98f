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
    /// different pods of the class".
    /// - Complexity: O(K² × port atoms) for class rows; expanded rows add O(pairs).
    public func connectionList(_ options: ConnectionListOptions = ConnectionListOptions()) -> [ConnectionRow] {
        var rows: [ConnectionRow] = []
        let keepSrc = { (c: Int) in options.from.map { f in self.classes.members[c].contains { f.matches(self.endpoints[$0]) } } ?? true }
        let keepDst = { (c: Int) in options.to.map { f in self.classes.members[c].contains { f.matches(self.endpoints[$0]) } } ?? true }
        for s in 0..<classes.count where keepSrc(s) {
            for d in 0..<classes.count where keepDst(d) {
                if s == d, classes.members[s].count < 2 { continue }
                let conn = restrict(classConnections(s, d), options.probes)
                if conn.isEmpty { continue }
                if options.expand {
                    for a in classes.members[s] where options.from.map({ $0.matches(endpoints[a]) }) ?? true {
                        for b in classes.members[d] where a != b && (options.to.map { $0.matches(endpoints[b]) } ?? true) {
                            rows.append(ConnectionRow(source: endpoints[a].displayName, destination: endpoints[b].displayName, connections: conn))
                        }
                    }
                } else {
                    rows.append(ConnectionRow(source: classLabel(s), destination: classLabel(d), connections: conn))
                }
            }
        }
        if options.external { rows += externalRows(options) }
        return rows.sorted(by: ConnectionRow.codePointOrder)
    }

    func externalRows(_ options: ConnectionListOptions) -> [ConnectionRow] {
        var rows: [ConnectionRow] = []
        for (e, atom) in ipAtoms.atoms.enumerated() {
            let ext = "\(atom)[External]"
            for c in 0..<classes.count {
                let labels: [String] = options.expand ? classes.members[c].map { endpoints[$0].displayName } : [classLabel(c)]
                let out = restrict(connections(.endpoint(classes.representative(c)), .external(e)), options.probes)
                let inc = restrict(connections(.external(e), .endpoint(classes.representative(c))), options.probes)
                for (i, label) in labels.enumerated() {
                    let member = endpoints[classes.members[c][options.expand ? i : 0]]
                    if !out.isEmpty, options.to == nil, options.from.map({ f in classes.members[c].contains { f.matches(endpoints[$0]) } }) ?? true,
                       !options.expand || options.from.map({ $0.matches(member) }) ?? true {
                        rows.append(ConnectionRow(source: label, destination: ext, connections: out))
                    }
                    if !inc.isEmpty, options.from == nil, options.to.map({ f in classes.members[c].contains { f.matches(endpoints[$0]) } }) ?? true,
                       !options.expand || options.to.map({ $0.matches(member) }) ?? true {
                        rows.append(ConnectionRow(source: ext, destination: label, connections: inc))
                    }
                }
            }
        }
        return rows
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
