import ReachModel

/// A reachability probe: a protocol and a destination port, written `TCP/80`.
public struct ProbePort: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var protocolName: NetworkProtocol
    public var port: Int

    public init(protocol: NetworkProtocol, port: Int) {
        self.protocolName = `protocol`
        self.port = port
    }

    /// Parses `PROTOCOL/port` (protocol case-insensitive, port 1…65535).
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let p = NetworkProtocol(rawValue: parts[0].uppercased()),
              let n = Int(parts[1]), (1...65535).contains(n) else { return nil }
        self.init(protocol: p, port: n)
    }

    public var description: String { "\(protocolName.rawValue)/\(port)" }

    public static func < (a: ProbePort, b: ProbePort) -> Bool { (a.protocolName, a.port) < (b.protocolName, b.port) }
}
