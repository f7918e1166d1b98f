import Foundation

/// A JSON document as a typed tree (replaces `[String: Any]`): the shapes kube-reach prints are
/// built from these cases and written by ``JSONStream``. Object keys are sorted when written, so
/// the order in which they are given does not matter.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    /// A number that is not an integer, as JSON text (only from parsed input, e.g. unknown fields
    /// of a `query` document that are echoed back).
    case number(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.int(x), .int(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.number(x), .number(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)):
            x.count == y.count && zip(x.sorted { $0.0 < $1.0 }, y.sorted { $0.0 < $1.0 }).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// `.string(s)` or `.null` when `s` is nil.
    public static func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
    /// `.int(n)` or `.null` when `n` is nil.
    public static func int(_ n: Int?) -> JSONValue { n.map { .int($0) } ?? .null }
    /// An array of strings.
    public static func strings(_ list: [String]) -> JSONValue { .array(list.map { .string($0) }) }
    /// An array of values.
    public static func array<S: Sequence>(_ list: S, _ transform: (S.Element) -> JSONValue) -> JSONValue {
        .array(list.map(transform))
    }

    /// The value of `key` in an object (the first one), else nil. Setting replaces the member
    /// (or appends it; `nil` removes it); on a non-object, setting does nothing.
    public subscript(key: String) -> JSONValue? {
        get {
            guard case .object(let pairs) = self else { return nil }
            return pairs.first { $0.0 == key }?.1
        }
        set {
            guard case .object(var pairs) = self else { return }
            pairs.removeAll { $0.0 == key }
            if let newValue { pairs.append((key, newValue)) }
            self = .object(pairs)
        }
    }
}

extension JSONValue: ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
}


extension JSONValue {
    /// Parses a JSON document (Foundation's parser; numbers that are integers become `.int`,
    /// others `.number` with Swift's shortest round-trip text).
    /// - Complexity: O(size of the document).
    public init?(parsing data: Data) {
        guard let any = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        self.init(foundation: any)
    }

    /// Converts a `JSONSerialization` value.
    init(foundation any: Any) {
        switch any {
        case let s as String: self = .string(s)
        case let n as NSNumber:
            let type = String(cString: n.objCType)
            if type == "c" {
                self = .bool(n.boolValue)
            } else if type != "d" && type != "f", let i = Int(exactly: n.int64Value), n.stringValue == String(i) {
                self = .int(i)
            } else {
                let d = n.doubleValue
                if d.rounded() == d, abs(d) < 9.0e15 { self = .int(Int(d)) } else { self = .number("\(d)") }
            }
        case let list as [Any]: self = .array(list.map { JSONValue(foundation: $0) })
        case let dict as [String: Any]: self = .object(dict.map { ($0.key, JSONValue(foundation: $0.value)) })
        default: self = .null
        }
    }

    /// The string, when this is one.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    /// The array, when this is one.
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    /// The boolean, when this is one.
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    /// Whether this is an object.
    public var isObject: Bool { if case .object = self { true } else { false } }
}
