import Foundation
import ReachReports

extension Output {
    /// Runs `body` with a buffered byte writer on standard output (or the capturing sink of
    /// tests), then flushes it. Write failures are recorded by ``StandardStream`` (later chunks
    /// skipped) and end the command with exit code 2, like every other output.
    /// - Complexity: O(bytes written); memory is the writer's buffer.
    static func stream(_ body: (ByteWriter) throws -> Void) throws {
        if let sink {
            let (writer, bytes) = ByteWriter.collecting()
            try body(writer)
            try writer.finish()
            sink.append(String(decoding: bytes(), as: UTF8.self))
            return
        }
        let writer = ByteWriter { chunk in
            StandardStream.output.write(buffer: UnsafeBufferPointer(start: chunk.baseAddress?.assumingMemoryBound(to: UInt8.self),
                                                                    count: chunk.count))
        }
        try body(writer)
        try writer.finish()
    }
}
