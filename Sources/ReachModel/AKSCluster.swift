import Foundation
/// An AKS `Microsoft.ContainerService/managedClusters` document (`az aks show -o json` or the ARM
/// REST body), held as a flat map of settings so checks can ask for any field.
///
/// Keys are normalised: lowercased, dotted, with `[i]` for list elements, and the ARM `properties`
/// wrapper removed (`properties.aadProfile.managed` and the flattened `aadProfile.managed` are both
/// `aadprofile.managed`). Every setting keeps the location of its value for findings.
public struct AKSCluster: Hashable, Sendable {
    /// `name` of the cluster (`"?"` when the document has none).
    public var name: String
    /// Where the document starts.
    public var location: SourceLocation
    /// Normalised path → value and location.
    public var settings: [String: AKSSetting]

    /// Settings with a wrong type or an invalid value (normalised path → why), each also reported
    /// as a located diagnostic by the reader. Checks that read them are not evaluated (never passed).
    public var invalidSettings: [String: String]

    public init(name: String, location: SourceLocation, settings: [String: AKSSetting], invalidSettings: [String: String] = [:]) {
        self.name = name
        self.location = location
        self.settings = settings
        self.invalidSettings = invalidSettings
    }

    /// Records which setting paths a check reads (see ``readingLog(_:)``).
    @TaskLocal public static var readLog: AKSReadLog?

    /// The setting at `path` (matched case-insensitively), or `nil` when absent or null.
    public func setting(_ path: String) -> AKSSetting? {
        let key = path.lowercased()
        Self.readLog?.record(key)
        guard let s = settings[key], s.value != .null else { return nil }
        return s
    }

    /// Whether the path is present (even with a null value).
    public func has(_ path: String) -> Bool {
        Self.readLog?.record(path.lowercased())
        return settings[path.lowercased()] != nil
    }

    /// The invalid setting (path, reason) that a read of one of `paths` touches, if any: the same
    /// path, one under it, or one above it.
    /// - Complexity: O(paths × invalid settings).
    public func invalidSetting(among paths: Set<String>) -> (path: String, reason: String)? {
        for (bad, reason) in invalidSettings.sorted(by: { $0.key < $1.key }) {
            for p in paths where p == bad || bad.hasPrefix(p + ".") || bad.hasPrefix(p + "[")
                || p.hasPrefix(bad + ".") || p.hasPrefix(bad + "[") {
                return (bad, reason)
            }
        }
        return nil
    }

    /// A boolean setting; JSON booleans and the strings `"true"`/`"false"` (add-on `config` values) count.
    public func bool(_ path: String) -> Bool? {
        switch setting(path)?.value {
        case .bool(let b)?: return b
        case .string(let s)?: return ["true": true, "false": false][s.lowercased()]
        default: return nil
        }
    }

    /// A string setting (numbers and booleans as their text).
    public func string(_ path: String) -> String? {
        switch setting(path)?.value {
        case .string(let s)?: return s
        case .number(let n)?: return n
        case .bool(let b)?: return b ? "true" : "false"
        default: return nil
        }
    }

    /// Number of elements of a list setting (0 when absent or not a list).
    public func count(_ path: String) -> Int {
        if case .list(let n)? = setting(path)?.value { return n }
        return 0
    }

    /// The scalar elements of a list setting, as text.
    public func strings(_ path: String) -> [String] {
        (0..<count(path)).compactMap { string("\(path)[\($0)]") }
    }

    /// Immediate child keys of a mapping setting (normalised), sorted.
    /// - Complexity: O(settings).
    public func childKeys(_ path: String) -> [String] {
        Self.readLog?.record(path.lowercased())
        let prefix = path.lowercased() + "."
        var keys = Set<String>()
        for key in settings.keys where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
            keys.insert(String(rest[..<end]))
        }
        return keys.sorted()
    }

    /// Location of `path`, else of its nearest present ancestor, else of the document.
    public func location(of path: String) -> SourceLocation {
        var p = Substring(path.lowercased())
        while !p.isEmpty {
            if let s = settings[String(p)] { return s.location }
            guard let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            p = p[..<cut]
        }
        return location
    }
}

/// One value of an ``AKSCluster`` document.
public struct AKSSetting: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        case string(String)
        case bool(Bool)
        /// A number as written.
        case number(String)
        case null
        /// A list with this many elements (elements are separate settings `path[i]`).
        case list(Int)
        /// A mapping (its members are separate settings `path.key`).
        case object
    }
    public var value: Value
    public var location: SourceLocation
    public init(value: Value, location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// The setting paths read while a check runs (``AKSCluster/readLog``).
public final class AKSReadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var keys: Set<String> = []
    public init() {}
    func record(_ key: String) { lock.withLock { _ = keys.insert(key) } }
    public var paths: Set<String> { lock.withLock { keys } }
}
