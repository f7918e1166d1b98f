/// A `metav1.LabelSelector`.
public struct LabelSelector: Hashable, Sendable {
    public enum Operator: String, Sendable, CaseIterable {
        case `in` = "In", notIn = "NotIn", exists = "Exists", doesNotExist = "DoesNotExist"
    }

    public struct Requirement: Hashable, Sendable {
        public var key: String
        public var op: Operator
        public var values: [String]
        public init(key: String, op: Operator, values: [String] = []) {
            self.key = key
            self.op = op
            self.values = values
        }
    }

    public var matchLabels: [String: String]
    public var matchExpressions: [Requirement]

    public init(matchLabels: [String: String] = [:], matchExpressions: [Requirement] = []) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    /// The empty selector, which matches everything.
    public static let everything = LabelSelector()

    public var isEmpty: Bool { matchLabels.isEmpty && matchExpressions.isEmpty }

    /// Label keys this selector looks at.
    public var keys: Set<String> { Set(matchLabels.keys).union(matchExpressions.map(\.key)) }

    /// apimachinery semantics: `matchLabels` and every requirement are ANDed; `NotIn` and
    /// `DoesNotExist` match objects lacking the key; `In` with no values matches nothing.
    /// - Complexity: O(|matchLabels| + Σ|values|).
    public func matches(_ labels: [String: String]) -> Bool {
        for (k, v) in matchLabels where labels[k] != v { return false }
        for r in matchExpressions {
            let value = labels[r.key]
            switch r.op {
            case .in:
                guard let value, r.values.contains(value) else { return false }
            case .notIn:
                if let value, r.values.contains(value) { return false }
            case .exists:
                if value == nil { return false }
            case .doesNotExist:
                if value != nil { return false }
            }
        }
        return true
    }
}
