import ReachModel

/// A maximal port interval of one protocol on which every policy port entry agrees.
public struct PortAtom: Hashable, Sendable {
    public var protocolName: NetworkProtocol
    public var lower: Int
    public var upper: Int

    public func contains(_ probe: ProbePort) -> Bool {
        probe.protocolName == protocolName && probe.port >= lower && probe.port <= upper
    }
}

/// Disjoint per-protocol interval atoms covering 1…65535 for TCP, UDP and SCTP, cut at every
/// numeric port, range end, resolved named port and probe.
public struct PortAtomTable: Sendable {
    public private(set) var atoms: [PortAtom] = []
    /// Per protocol, sorted atom start points and their atom indices.
    private var starts: [NetworkProtocol: [Int]] = [:]
    private var firstIndex: [NetworkProtocol: Int] = [:]

    /// Builds atoms from cut points: a cut at `n` means an atom starts at `n`.
    /// - Complexity: O(c log c) for c cut points.
    public init(cuts: [NetworkProtocol: Set<Int>]) {
        for proto in NetworkProtocol.allCases.sorted() {
            var points = (cuts[proto] ?? []).filter { $0 >= 1 && $0 <= 65535 }
            points.insert(1)
            let sorted = points.sorted()
            firstIndex[proto] = atoms.count
            starts[proto] = sorted
            for (i, s) in sorted.enumerated() {
                let upper = i + 1 < sorted.count ? sorted[i + 1] - 1 : 65535
                atoms.append(PortAtom(protocolName: proto, lower: s, upper: upper))
            }
        }
    }

    /// Index of the atom holding `port` of `proto`.
    /// - Complexity: O(log atoms).
    public func atom(_ proto: NetworkProtocol, _ port: Int) -> Int? {
        guard let s = starts[proto], let base = firstIndex[proto], port >= 1, port <= 65535 else { return nil }
        var lo = 0, hi = s.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if s[mid] <= port { lo = mid } else { hi = mid - 1 }
        }
        return base + lo
    }

    public func atom(for probe: ProbePort) -> Int? { atom(probe.protocolName, probe.port) }

    /// Atom indices inside `lower...upper` of `proto` (the range must be a union of atoms).
    /// - Complexity: O(log atoms + result).
    public func atoms(_ proto: NetworkProtocol, _ lower: Int, _ upper: Int) -> [Int] {
        guard let a = atom(proto, lower), let b = atom(proto, upper) else { return [] }
        return Array(a...b)
    }

    /// Atom indices of every port of `proto`.
    public func atoms(of proto: NetworkProtocol) -> [Int] { atoms(proto, 1, 65535) }
}

/// A set of (protocol, port) as sorted disjoint intervals per protocol.
public struct ConnectionSet: Hashable, Sendable, CustomStringConvertible {
    public private(set) var intervals: [NetworkProtocol: [ClosedRange<Int>]] = [:]

    public init() {}

    public static var all: ConnectionSet {
        var c = ConnectionSet()
        for p in NetworkProtocol.allCases { c.intervals[p] = [1...65535] }
        return c
    }

    /// Adds an interval (kept merged with adjacent ones; callers add in increasing order per protocol).
    public mutating func add(_ proto: NetworkProtocol, _ range: ClosedRange<Int>) {
        var list = intervals[proto] ?? []
        if let last = list.last, last.upperBound + 1 >= range.lowerBound {
            list[list.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
        } else {
            list.append(range)
        }
        intervals[proto] = list
    }

    public var isEmpty: Bool { intervals.values.allSatisfy(\.isEmpty) }
    public var isAll: Bool { NetworkProtocol.allCases.allSatisfy { intervals[$0] == [1...65535] } }

    public func contains(_ probe: ProbePort) -> Bool {
        (intervals[probe.protocolName] ?? []).contains { $0.contains(probe.port) }
    }

    /// `All Connections`, `No Connections` or e.g. `SCTP 1-9002,9004-65535,TCP 80` (protocols in
    /// code-point order, as netpol-analyzer prints them).
    public var description: String {
        if isAll { return "All Connections" }
        if isEmpty { return "No Connections" }
        let protos = NetworkProtocol.allCases.map(\.rawValue).sorted()
        return protos.compactMap { name -> String? in
            guard let p = NetworkProtocol(rawValue: name), let list = intervals[p], !list.isEmpty else { return nil }
            let text = list.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
            return "\(name) " + text.joined(separator: ",")
        }.joined(separator: ",")
    }
}
