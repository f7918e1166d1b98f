import ReachCore
import ReachModel

/// A maximal address interval on which every ipBlock agrees (inside or outside each cidr/except).
public struct IPAtom: Hashable, Sendable, CustomStringConvertible {
    public var family: IPAddress.Family
    public var first: UInt128
    public var last: UInt128

    public func contains(_ address: IPAddress) -> Bool {
        address.family == family && address.value >= first && address.value <= last
    }

    /// `first-last` as netpol-analyzer names external ranges, e.g. `0.0.0.0-9.255.255.255`.
    public var description: String {
        "\(IPAddress(family: family, value: first))-\(IPAddress(family: family, value: last))"
    }
}

/// Disjoint address atoms covering the whole IPv4 and IPv6 spaces, cut at every ipBlock cidr and
/// except boundary. The atoms stand for the outside world; pod IPs fall into them too.
public struct IPAtomTable: Sendable {
    public private(set) var atoms: [IPAtom] = []

    /// - Complexity: O(b log b) for b blocks.
    public init(blocks: [CIDR]) {
        for family in [IPAddress.Family.v4, .v6] {
            let maxValue: UInt128 = family == .v4 ? UInt128(UInt32.max) : UInt128.max
            var cuts: Set<UInt128> = [0]
            for b in blocks where b.family == family {
                cuts.insert(b.first)
                if b.last < maxValue { cuts.insert(b.last + 1) }
            }
            let sorted = cuts.sorted()
            for (i, s) in sorted.enumerated() {
                let last = i + 1 < sorted.count ? sorted[i + 1] - 1 : maxValue
                atoms.append(IPAtom(family: family, first: s, last: last))
            }
        }
    }

    /// Index of the atom holding `address`.
    /// - Complexity: O(log atoms).
    public func atom(of address: IPAddress) -> Int? {
        var lo = 0, hi = atoms.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let a = atoms[mid]
            if a.contains(address) { return mid }
            if (a.family, a.first) < (address.family, address.value) { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }

    /// Atoms inside `block` (its cidr minus every except).
    /// - Complexity: O(atoms × excepts).
    public func atoms(in block: IPBlock) -> [Int] {
        guard let cidr = CIDR(block.cidr) else { return [] }
        let excepts = block.except.compactMap(CIDR.init)
        return atoms.indices.filter { i in
            let start = IPAddress(family: atoms[i].family, value: atoms[i].first)
            return cidr.contains(start) && !excepts.contains { $0.contains(start) }
        }
    }
}

extension IPBlock {
    /// Whether `address` is inside the cidr and outside every except (parses the block on every
    /// call: to test many addresses, use ``ParsedIPBlock``).
    public func contains(_ address: IPAddress) -> Bool {
        ParsedIPBlock(self).contains(address)
    }
}

/// An ``ReachModel/IPBlock`` with its CIDRs parsed once (an unparsable cidr contains nothing; an
/// unparsable except excludes nothing, as ``ReachModel/IPBlock/contains(_:)`` has always done).
public struct ParsedIPBlock: Sendable {
    public let cidr: CIDR?
    public let excepts: [CIDR]

    /// - Complexity: O(text of the block).
    public init(_ block: IPBlock) {
        cidr = CIDR(block.cidr)
        excepts = block.except.compactMap(CIDR.init)
    }

    /// Whether `address` is inside the cidr and outside every except.
    /// - Complexity: O(excepts).
    public func contains(_ address: IPAddress) -> Bool {
        guard let cidr, cidr.contains(address) else { return false }
        return !excepts.contains { $0.contains(address) }
    }
}
