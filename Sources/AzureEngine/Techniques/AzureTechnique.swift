/// One Azure identity technique (docs/azure.md "Identity edges (AZ1–AZ9)"): a file
/// `Techniques/<ID>.swift` with its stable ID, title, the condition it checks, the targets it
/// reaches and the documentation the condition follows, like the escalation techniques of
/// `Sources/AttackGraph/Techniques/`. `docs/attack-techniques.md`'s Azure section is generated
/// from these strings (``AzureTechniqueDocs``); every technique has the fixture
/// `Fixtures/attacks/<ID>/` (positive and negative).
public protocol AzureTechnique {
    /// The stable ID (`AZ1`…), as in JSON output.
    static var technique: AzureRoute.Technique { get }
    /// What the actor does.
    static var title: String { get }
    /// The exact condition (Markdown).
    static var condition: String { get }
    /// The target state(s) (Markdown).
    static var targets: String { get }
    /// The documentation the condition follows (Markdown).
    static var source: String { get }
}

/// The Azure identity techniques in ID order.
public enum AzureTechniqueCatalog {
    /// AZ1…AZ9 (computed: a stored array of metatypes is not `Sendable`).
    /// - Complexity: O(number of techniques).
    public static var all: [any AzureTechnique.Type] { AzureRoute.Technique.allCases.sorted().map(technique) }

    /// The file of `t` (a switch, so a new case cannot be added without its technique file).
    /// - Complexity: O(1).
    public static func technique(_ t: AzureRoute.Technique) -> any AzureTechnique.Type {
        switch t {
        case .adminCredential: AZ1.self
        case .userCredentialWithoutEntra: AZ2.self
        case .adminGroup: AZ3.self
        case .entraIdentity: AZ4.self
        case .workloadIdentity: AZ5.self
        case .keyVaultSecret: AZ6.self
        case .registryPush: AZ7.self
        case .kubeletIdentity: AZ8.self
        case .secretProviderClass: AZ9.self
        }
    }
}
