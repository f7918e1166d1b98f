/// A container image reference split the way the container runtime resolves it.
struct ImageReference: Hashable, Sendable {
    /// Registry host (`docker.io` when the reference names none).
    var registry: String
    var repository: String
    var tag: String?
    var digest: String?

    /// Parses `[registry/]repository[:tag][@digest]`. The first path component is a registry when
    /// it contains `.` or `:` or is `localhost`.
    /// - Complexity: O(length).
    init(_ reference: String) {
        var rest = Substring(reference)
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        let slash = rest.firstIndex(of: "/")
        if let slash {
            let first = rest[..<slash]
            if first.contains(".") || first.contains(":") || first == "localhost" {
                registry = first.lowercased()
                rest = rest[rest.index(after: slash)...]
            } else {
                registry = "docker.io"
            }
        } else {
            registry = "docker.io"
        }
        let lastSlash = rest.lastIndex(of: "/") ?? rest.startIndex
        if let colon = rest[lastSlash...].lastIndex(of: ":") {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        repository = String(rest)
    }

    /// Whether `registry` matches one of `patterns` (`host` or `*.suffix`).
    func isTrusted(by patterns: [String]) -> Bool {
        patterns.contains { pattern in
            let p = pattern.lowercased()
            if p.hasPrefix("*.") { return registry.hasSuffix(String(p.dropFirst(1))) }
            return registry == p
        }
    }
}
