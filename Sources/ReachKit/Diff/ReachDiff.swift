import NetworkEngine
import ReachCore
import ReachModel

/// Reachability changes between two snapshots: the (source, destination) pairs that gained or
/// lost connections, per protocol/port, at workload level (as netpol-analyzer's connlist names
/// peers: a Pod object by its owner `ns/name[Kind]`, an ownerless pod as `ns/name[Pod]`, a
/// workload without Pod objects as `ns/name[Kind]`) or at pod level.
///
/// Computed on classes with bitsets, never by comparing expanded pair lists:
/// 1. Both sides' peers get one numbering (their names in code-point order).
/// 2. The two sides' port atoms are refined to common atoms (the union of their cut points); each
///    common atom falls in one port class per side, and common atoms with the same (before class,
///    after class) form one *joint port class*.
/// 3. Endpoints of both sides are matched by name and grouped into *joint classes* (before class,
///    after class), see ``JointClasses``. Per joint port class, each side's class matrix is mapped
///    onto joint classes and the two are XORed (`after ∧ ¬before` gained, `before ∧ ¬after` lost):
///    KJ × KJ bits, independent of the number of pods.
/// 4. Only then are the changed joint-class pairs expanded to peer pairs, source peer by source
///    peer (output order); at workload level a peer pair is kept when "some pod of the source
///    reaches some pod of the destination" differs between the sides. Per changed pair, the joint
///    port classes where it changed (a bit signature) become a ``ConnectionSet``, once per
///    distinct signature.
///
/// Self pairs are left out: a pod's traffic to itself is always allowed (networkpolicy.md rule 2)
/// and the connlist skips a workload's connection to itself "regardless existence of replicas"
/// (netpol-analyzer `pkg/netpol/connlist/connlist.go`, `includePairOfWorkloads`). A workload
/// reaches another on a port when some pod of the first reaches some pod of the second.
/// Traffic to and from external IP ranges (ipBlock and CIDR peers) is ``ExternalReachDiff``.
public struct ReachDiff: Sendable {
    /// The names pairs are given in.
    public enum Level: String, Sendable { case workload, pod }

    /// One changed pair: indices into ``peers`` and into ``connections`` (`-1`: nothing).
    public struct Change: Hashable, Sendable {
        public var source: Int32
        public var destination: Int32
        /// What became allowed.
        public var added: Int32
        /// What stopped being allowed.
        public var removed: Int32
    }

    public let level: Level
    /// Peer names of both sides, in code-point order.
    public let peers: [String]
    /// Peers that exist only before (deleted) / only after (new).
    public let onlyBefore: BitSet
    public let onlyAfter: BitSet
    /// Per peer, where its first endpoint is declared (the after side when it exists there).
    public let locations: [SourceLocation]
    /// Distinct connection sets of the changes.
    public let connections: [ConnectionSet]
    /// Changed pairs in (source, destination) code-point order.
    public let changes: [Change]

    /// Pairs that gained / lost some connection.
    public var addedPairs: Int { changes.reduce(0) { $0 + ($1.added >= 0 ? 1 : 0) } }
    public var removedPairs: Int { changes.reduce(0) { $0 + ($1.removed >= 0 ? 1 : 0) } }
    public var isEmpty: Bool { changes.isEmpty }

    /// - Complexity: O(N log N) to number N endpoints' peers; per joint port class (at most the two
    ///   sides' port class counts added), O(KA × (KA + KJ)/64 + KB × KJ) to map the sides' class
    ///   matrices onto KJ joint classes and O(KJ²/64) to XOR them; then O(N × T × KJ/64 + changed
    ///   member pairs × T/64) to expand the T changed joint port classes to peer pairs.
    ///   Memory: 2 × KJ²/8 bytes per changed joint port class, O(P × T/64) for P peers.
    public init(before: NetworkReach, after: NetworkReach, level: Level) {
        let numbering = PeerNumbering(before: before.endpoints, after: after.endpoints, level: level)
        self.init(before: before, after: after, level: level, numbering: numbering,
                  joint: JointPortClasses(before: before, after: after),
                  classes: JointClasses(before: before, after: after, numbering: numbering))
    }

    /// With a peer numbering, joint port classes and joint classes built once for this and
    /// ``ExternalReachDiff`` (see ``ClusterDiff``).
    init(before: NetworkReach, after: NetworkReach, level: Level, numbering: PeerNumbering, joint: JointPortClasses,
         classes: JointClasses) {
        self.level = level
        peers = numbering.names
        onlyBefore = numbering.onlyBefore
        onlyAfter = numbering.onlyAfter
        locations = numbering.locations
        var rows = PeerChanges(joint: joint, classes: classes, peerCount: peers.count, verify: level == .workload,
                               before: before, after: after)
        changes = rows.collect(classes.changes(before, after, joint))
        connections = rows.sets
    }
}

/// One numbering of both sides' peers (names in code-point order).
struct PeerNumbering {
    let names: [String]
    let peerOfBefore: [Int32]
    let peerOfAfter: [Int32]
    let onlyBefore: BitSet
    let onlyAfter: BitSet
    let locations: [SourceLocation]

    /// - Complexity: O(N log N) string comparisons for N endpoints.
    init(before: [NetworkEndpoint], after: [NetworkEndpoint], level: ReachDiff.Level) {
        func name(_ e: NetworkEndpoint) -> String { level == .pod ? e.displayName : e.workloadName }
        let a = before.map(name), b = after.map(name)
        let unique = Array(Set(a).union(b)).map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        names = unique.map { String(decoding: $0, as: UTF8.self) }
        let index = DenseIndex(names)
        peerOfBefore = a.map { Int32(index.id(of: $0) ?? 0) }
        peerOfAfter = b.map { Int32(index.id(of: $0) ?? 0) }
        let inBefore = BitSet(capacity: names.count, members: peerOfBefore.map(Int.init))
        let inAfter = BitSet(capacity: names.count, members: peerOfAfter.map(Int.init))
        onlyBefore = inBefore.subtracting(inAfter)
        onlyAfter = inAfter.subtracting(inBefore)
        var where_ = [SourceLocation?](repeating: nil, count: names.count)
        for (i, e) in after.enumerated() where where_[Int(peerOfAfter[i])] == nil { where_[Int(peerOfAfter[i])] = e.location }
        for (i, e) in before.enumerated() where where_[Int(peerOfBefore[i])] == nil { where_[Int(peerOfBefore[i])] = e.location }
        locations = where_.map { $0 ?? SourceLocation(file: "", document: 0, line: 0) }
    }
}

/// The common refinement of two port atom tables, grouped by (before port class, after port class).
struct JointPortClasses {
    /// One common atom: protocol, port range, joint class.
    struct Atom {
        var protocolName: NetworkProtocol
        var lower: Int
        var upper: Int
        var joint: Int
    }

    /// Joint class → (before port class, after port class).
    private(set) var classes: [(before: Int, after: Int)] = []
    /// Common atoms in (protocol, port) order.
    private(set) var atoms: [Atom] = []
    /// Joint classes ordered by (before, after), so a side's matrix is rebuilt only when its class changes.
    let order: [Int]

    /// - Complexity: O(A log A) for A atoms of both sides.
    init(before: NetworkReach, after: NetworkReach) {
        var ids: [Int: Int] = [:]
        for proto in NetworkProtocol.allCases.sorted() {
            var starts = Set<Int>()
            for table in [before.portAtoms, after.portAtoms] {
                for atom in table.atoms where atom.protocolName == proto { starts.insert(atom.lower) }
            }
            let sorted = starts.sorted()
            for (i, lower) in sorted.enumerated() {
                guard let a = before.portAtoms.atom(proto, lower), let b = after.portAtoms.atom(proto, lower) else { continue }
                let key = (before.portClassOfAtom[a], after.portClassOfAtom[b])
                let packed = key.0 << 32 | key.1
                let j: Int
                if let known = ids[packed] { j = known } else {
                    j = classes.count
                    ids[packed] = j
                    classes.append((key.0, key.1))
                }
                let upper = i + 1 < sorted.count ? sorted[i + 1] - 1 : 65535
                atoms.append(Atom(protocolName: proto, lower: lower, upper: upper, joint: j))
            }
        }
        let list = classes
        order = list.indices.sorted { (list[$0].before, list[$0].after) < (list[$1].before, list[$1].after) }
    }
}
