/// The Azure section of `docs/attack-techniques.md` (docs/azure.md "Identity edges"), generated
/// from the technique files under `Techniques/` like the escalation and foothold sections
/// (`ReachKit.AttackTechniqueDocs` puts the document together).
public enum AzureTechniqueDocs {
    /// The Markdown section.
    /// - Complexity: O(number of techniques).
    public static func markdown() -> String {
        var out = """
        ## Azure identity edges (docs/azure.md)

        With `--azure DIR`, `paths` and `who-can --transitive` also cross the AKS identity edges AZ1–AZ9
        ([`docs/azure.md`](azure.md) "Identity edges" and "SecretProviderClass"). Each technique is one file
        `Sources/AzureEngine/Techniques/<ID>.swift` (its condition, the documentation it follows and the code
        that finds its edges) with a positive and a negative fixture under `Fixtures/attacks/<ID>/`
        (`positive.yaml` with `azure/`, `negative.yaml` with `azure-negative/` or `azure/`: one fact changed).
        AZ1–AZ4, AZ6 and AZ7 leave Entra objects and managed identities, AZ5 and AZ9 leave ServiceAccount
        states, AZ8 leaves `Node:` states of the foothold search (with `--footholds` or a foothold
        `--from`/`--to`; the search is in `Sources/ReachKit/AzurePaths+Footholds.swift`). A search expands
        an Entra object's edges in the order of this table, and a state's Azure edges after its
        escalation and foothold edges.


        """
        out += "| ID | technique | exact condition | target(s) | follows | fixture |\n"
        out += "|---|---|---|---|---|---|\n"
        for t in AzureTechniqueCatalog.all {
            let id = t.technique.rawValue
            let cells = [id, t.title, t.condition, t.targets, t.source, "[`\(id)`](../Fixtures/attacks/\(id)/)"]
            out += "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
