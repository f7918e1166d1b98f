import NetworkEngine
import ReachCore
import ReachModel

/// Changes in traffic between workloads (pods with `--pods`) and addresses outside the cluster —
/// the external address ranges of the connectivity list (`first-last[External]`, netpol-analyzer's
/// naming; `reach` prints the same labels) — per direction: egress from a peer to a range, ingress
/// from a range to a peer. The ranges come from ipBlock peers of NetworkPolicies and from the CIDR
/// peers of the tier, Cilium and Calico policies: every engine answers through the same external
/// atoms (``NetworkEngine/IPAtomTable``).
///
/// Computed on classes with bitsets, never by comparing expanded rows:
/// 1. The two sides' external atoms are refined to *joint atoms* (``JointExternalAtoms``): every
///    joint atom lies in one atom per side.
/// 2. Ports use the joint port classes and endpoints the joint classes of ``ReachDiff``. Per joint
///    port class, each side's class × atom matrices are mapped onto joint atoms and compared per
///    joint class (`after ∧ ¬before` gained, `before ∧ ¬after` lost).
/// 3. Only joint classes with a change are expanded to peers, peer by peer; at workload level a
///    peer whose pods span several joint classes is re-checked with the any-pod rule (a workload
///    reaches a range on a port when some pod of it does), like ``ReachDiff``.
/// 4. Per peer and direction, adjacent joint atoms with the same change are merged into one
///    maximal address range, as netpol-analyzer's diff prints them (e.g. `10.0.0.0-10.10.255.255`
///    for two atoms of different sides, `test_outputs/diff/diff_between_semanticDiff-different-
///    topologies-policy-b-with-ipblock_and_…`). Each range also has its CIDR cover (``AddressRange/cidrs``).
public struct ExternalReachDiff: Sendable {
    /// Traffic from the peer to the range (egress) or from the range to the peer (ingress).
    public enum Direction: String, Sendable, CaseIterable { case egress, ingress }

    /// An interval of addresses of one family.
    public struct AddressRange: Hashable, Sendable, CustomStringConvertible {
        /// IPv4 or IPv6.
        public var family: IPAddress.Family
        /// First and last address of the interval (inclusive), as integers of the family.
        public var first: UInt128
        public var last: UInt128

        /// The interval `first...last` of `family` (`first ≤ last`).
        public init(family: IPAddress.Family, first: UInt128, last: UInt128) {
            self.family = family
            self.first = first
            self.last = last
        }

        /// `first-last`, as ``NetworkEngine/IPAtom`` prints an atom (e.g. `0.0.0.0-9.255.255.255`).
        public var description: String {
            "\(IPAddress(family: family, value: first))-\(IPAddress(family: family, value: last))"
        }

        /// The connectivity list's label, `first-last[External]`.
        public var label: String { description + "[External]" }

        /// The fewest CIDR blocks covering exactly the range, in address order
        /// (`0.0.0.0-9.255.255.255` → `0.0.0.0/5`, `8.0.0.0/7`).
        /// - Complexity: O(address bits) blocks and steps.
        public var cidrs: [String] {
            let bits = family.bits
            var out: [String] = [], start = first
            while true {
                var k = start == 0 ? bits : min(bits, start.trailingZeroBitCount)
                // The largest aligned block at `start` that ends at or before `last`.
                while k > 0, k == 128 ? !(start == 0 && last == UInt128.max) : (UInt128(1) << k) - 1 > last - start { k -= 1 }
                out.append("\(IPAddress(family: family, value: start))/\(bits - k)")
                if k == 128 { break }
                let end = start + ((UInt128(1) << k) - 1)
                if end >= last { break }
                start = end + 1
            }
            return out
        }
    }

    /// One changed (peer, direction, range): indices into ``peers`` and ``connections`` (`-1`: nothing).
    public struct Change: Hashable, Sendable {
        /// Egress (peer → range) or ingress (range → peer).
        public var direction: Direction
        /// Index into ``ExternalReachDiff/peers``.
        public var peer: Int32
        /// A maximal range of addresses with this change.
        public var range: AddressRange
        /// What became allowed.
        public var added: Int32
        /// What stopped being allowed.
        public var removed: Int32
    }

    /// Workload or pod level (the names of ``peers``).
    public let level: ReachDiff.Level
    /// Peer names of both sides in code-point order (the numbering of ``ReachDiff/peers``).
    public let peers: [String]
    /// Peers that exist only before (deleted) / only after (new).
    public let onlyBefore: BitSet
    public let onlyAfter: BitSet
    /// Per peer, where its first endpoint is declared (the after side when it exists there).
    public let locations: [SourceLocation]
    /// Distinct connection sets of the changes.
    public let connections: [ConnectionSet]
    /// Changes by (direction: egress first, peer in code-point order, range in address order, IPv4 first).
    public let changes: [Change]

    /// Rows that gained / lost some connection.
    public var addedRows: Int { changes.reduce(0) { $0 + ($1.added >= 0 ? 1 : 0) } }
    public var removedRows: Int { changes.reduce(0) { $0 + ($1.removed >= 0 ? 1 : 0) } }
    public var isEmpty: Bool { changes.isEmpty }

    /// - Complexity: O(N log N) to number N endpoints' peers and O(EA + EB) to refine the two
    ///   sides' external atoms into EJ joint atoms; per distinct port class of a side
    ///   O(K × EJ) bit reads and per joint port class O(KJ × EJ/64) to compare; then per joint
    ///   class with a change O(T × EJ/64 + EJ × T/64) and per peer O(its joint classes × EJ × T/64)
    ///   plus, for a workload spanning several joint classes, O(its classes) per candidate bit,
    ///   for T changed joint port classes. Memory: O(T × (KA + KB) × EJ/64) words.
    public init(before: NetworkReach, after: NetworkReach, level: ReachDiff.Level) {
        let numbering = PeerNumbering(before: before.endpoints, after: after.endpoints, level: level)
        self.init(before: before, after: after, level: level, numbering: numbering,
                  joint: JointPortClasses(before: before, after: after),
                  classes: JointClasses(before: before, after: after, numbering: numbering))
    }

    /// With the peer numbering, joint port classes and joint classes of ``ReachDiff`` (shared).
    init(before: NetworkReach, after: NetworkReach, level: ReachDiff.Level, numbering: PeerNumbering,
         joint: JointPortClasses, classes: JointClasses) {
        self.level = level
        peers = numbering.names
        onlyBefore = numbering.onlyBefore
        onlyAfter = numbering.onlyAfter
        locations = numbering.locations
        let atoms = JointExternalAtoms(before: before.ipAtoms, after: after.ipAtoms)
        var expansion = ExternalExpansion(changed: classes.externalChanges(before, after, joint, atoms), classes: classes,
                                          atoms: atoms, joint: joint, verify: level == .workload)
        changes = expansion.collect(peerCount: numbering.names.count)
        connections = expansion.sets
    }
}
