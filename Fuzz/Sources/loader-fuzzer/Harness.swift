import Foundation
import ReachLoader
import ReachModel

/// One libFuzzer iteration (called through `LLVMFuzzerRunDriver`, see main.swift): feeds one input to every reader kube-reach has for untrusted text.
///
/// The first byte chooses the reader (so one corpus exercises all of them), the rest is the
/// input: 0–5 manifests as YAML (`.yaml`), 6 as a `.json` file name, 7 the AKS reader, 8 the
/// audit-log reader, 9 stdin through `load(paths: ["-"])` with a tiny cap. Any other first byte
/// feeds the whole input to the manifest loader, so plain corpus files are useful seeds as they
/// are. Every error must be located; a crash, a hang (libFuzzer's `-timeout`) or an unlocated
/// error is a finding (the last one traps on purpose).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let selector = bytes[0]
    let body = Data(bytes.dropFirst())
    let text = String(decoding: selector < 10 ? body : Data(bytes), as: UTF8.self)
    var diagnostics: [Diagnostic] = []
    switch selector {
    case 0...5, 10...:
        diagnostics = ManifestLoader().load(sources: [("fuzz.yaml", text)]).diagnostics
    case 6:
        diagnostics = ManifestLoader().load(sources: [("fuzz.json", text)]).diagnostics
    case 7:
        diagnostics = AKSClusterReader.read(text: text, name: "aks.json").diagnostics
    case 8:
        diagnostics = AuditLogReader.read(text: text, name: "audit.jsonl").diagnostics
    default:
        let loader = ManifestLoader(options: LoadOptions(maxFileBytes: 4096))
        diagnostics = loader.load(paths: ["-"], stdin: { body }).diagnostics
    }
    for d in diagnostics where d.severity == .error && d.location == nil {
        fatalError("unlocated error: \(d)")
    }
    return 0
}
