import ReachModel

/// One audit finding: a check ID, its severity, a message and the objects that trigger it.
public struct Finding: Hashable, Sendable, Comparable {
    public var checkID: String
    public var severity: Severity
    public var message: String
    public var locations: [SourceLocation]

    public init(checkID: String, severity: Severity, message: String, locations: [SourceLocation] = []) {
        self.checkID = checkID
        self.severity = severity
        self.message = message
        self.locations = locations
    }

    public static func < (a: Finding, b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        return (a.checkID, a.message) < (b.checkID, b.message)
    }
}
