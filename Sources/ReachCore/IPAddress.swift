import Foundation

/// An IPv4 or IPv6 address as a 128-bit integer; IPv4 addresses live in their own family so
/// that v4 and v6 ranges never overlap.
public struct IPAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Family: Int, Sendable, Comparable {
        case v4 = 4, v6 = 6
        public static func < (a: Family, b: Family) -> Bool { a.rawValue < b.rawValue }
        /// Address width in bits.
        public var bits: Int { self == .v4 ? 32 : 128 }
    }

    public let family: Family
    public let value: UInt128

    public init(family: Family, value: UInt128) {
        self.family = family
        self.value = value
    }

    /// Parses dotted IPv4 or RFC 4291 IPv6 text (with `::` compression and an embedded IPv4
    /// tail). Returns `nil` for anything else.
    /// - Complexity: O(length of text).
    public init?(_ text: String) {
        if text.utf8.contains(UInt8(ascii: ":")) {
            guard let v = IPAddress.parseV6(Substring(text)) else { return nil }
            self.init(family: .v6, value: v)
        } else {
            guard let v = IPAddress.parseV4(Substring(text)) else { return nil }
            self.init(family: .v4, value: UInt128(v))
        }
    }

    /// Dotted quad, 1–3 decimal digits per part, each ≤ 255.
    /// - Complexity: O(length), no allocation.
    static func parseV4(_ s: Substring) -> UInt32? {
        var value: UInt32 = 0, part: UInt32 = 0, digits = 0, dots = 0
        for byte in s.utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, dots < 3 else { return nil }
                value = value << 8 | part
                part = 0; digits = 0; dots += 1
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                digits += 1
                guard digits <= 3 else { return nil }
                part = part * 10 + UInt32(byte - UInt8(ascii: "0"))
                guard part <= 255 else { return nil }
            } else {
                return nil
            }
        }
        guard dots == 3, digits > 0 else { return nil }
        return value << 8 | part
    }

    /// The original split-based parser (kept for the tests' cross-check).
    static func parseV4Reference(_ s: Substring) -> UInt32? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy(\.isASCIIDigit), let n = UInt32(p), n <= 255 else { return nil }
            value = value << 8 | n
        }
        return value
    }

    static func parseV6(_ s: Substring) -> UInt128? {
        var groups: [UInt16] = []
        var tail: [UInt16] = []
        var sawCompression = false
        let halves = s.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func parseGroups(_ text: String, allowV4Tail: Bool) -> [UInt16]? {
            if text.isEmpty { return [] }
            var out: [UInt16] = []
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            for (i, p) in parts.enumerated() {
                if allowV4Tail, i == parts.count - 1, p.contains(".") {
                    guard let v4 = parseV4(p) else { return nil }
                    out.append(UInt16(v4 >> 16)); out.append(UInt16(v4 & 0xffff))
                } else {
                    guard !p.isEmpty, p.count <= 4, let g = UInt16(p, radix: 16) else { return nil }
                    out.append(g)
                }
            }
            return out
        }
        if halves.count == 2 {
            sawCompression = true
            guard let a = parseGroups(halves[0], allowV4Tail: false), let b = parseGroups(halves[1], allowV4Tail: true)
            else { return nil }
            groups = a; tail = b
        } else {
            guard let a = parseGroups(halves[0], allowV4Tail: true) else { return nil }
            groups = a
        }
        let total = groups.count + tail.count
        if sawCompression { guard total <= 7 else { return nil } } else { guard total == 8 else { return nil } }
        let all = groups + [UInt16](repeating: 0, count: 8 - total) + tail
        return all.reduce(UInt128(0)) { $0 << 16 | UInt128($1) }
    }

    public var description: String {
        switch family {
        case .v4:
            let v = UInt32(truncatingIfNeeded: value)
            return [24, 16, 8, 0].map { String((v >> UInt32($0)) & 0xff) }.joined(separator: ".")
        case .v6:
            let groups = (0..<8).map { UInt16(truncatingIfNeeded: value >> UInt128(112 - 16 * $0)) }
            // Longest run of ≥2 zero groups is compressed (RFC 5952).
            var best = (start: -1, len: 0), i = 0
            while i < 8 {
                if groups[i] == 0 {
                    var j = i
                    while j < 8, groups[j] == 0 { j += 1 }
                    if j - i > best.len, j - i >= 2 { best = (i, j - i) }
                    i = j
                } else { i += 1 }
            }
            let hex = groups.map { String($0, radix: 16) }
            if best.start < 0 { return hex.joined(separator: ":") }
            let head = hex[0..<best.start].joined(separator: ":")
            let rest = hex[(best.start + best.len)...].joined(separator: ":")
            return head + "::" + rest
        }
    }

    public static func < (a: IPAddress, b: IPAddress) -> Bool { (a.family, a.value) < (b.family, b.value) }
}

/// A CIDR block such as `10.0.0.0/16` or `fd00::/8`, stored as its inclusive address range.
public struct CIDR: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let family: IPAddress.Family
    public let prefixLength: Int
    /// First address of the block (host bits cleared).
    public let first: UInt128
    /// Last address of the block.
    public let last: UInt128

    /// Parses `address/prefix`. Host bits set below the prefix are cleared (the API server rejects
    /// such values since 1.x validation; callers can compare ``hostBitsSet``).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPAddress(String(parts[0])),
              !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit), let prefix = Int(parts[1]),
              prefix >= 0, prefix <= address.family.bits else { return nil }
        self.family = address.family
        self.prefixLength = prefix
        let hostBits = address.family.bits - prefix
        let hostMask: UInt128 = hostBits == 0 ? 0 : (hostBits >= 128 ? ~0 : (UInt128(1) << UInt128(hostBits)) - 1)
        self.first = address.value & ~hostMask
        self.last = self.first | hostMask
        self.hostBitsSet = address.value & hostMask != 0
    }

    /// Whether the written address had bits set below the prefix.
    public let hostBitsSet: Bool

    public func contains(_ address: IPAddress) -> Bool {
        address.family == family && address.value >= first && address.value <= last
    }

    /// Whether `other` lies entirely inside this block.
    public func contains(_ other: CIDR) -> Bool {
        other.family == family && other.first >= first && other.last <= last
    }

    public var description: String { "\(IPAddress(family: family, value: first))/\(prefixLength)" }

    public static func < (a: CIDR, b: CIDR) -> Bool {
        (a.family, a.first, a.prefixLength) < (b.family, b.first, b.prefixLength)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
