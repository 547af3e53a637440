// libFuzzer entry for the `ldapEscape` oracle (see FuzzOracles). Built only by scripts/fuzz.
import FuzzOracles

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzHarness.run(.ldapEscape, UnsafeBufferPointer(start: data, count: count))
}

@_cdecl("FuzzLDAPEscape_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzOne)
}
#endif
// Without FUZZING this file is empty: the package is only built by scripts/fuzz, with
// -parse-as-library, where even an inactive #else branch may not hold top-level code.
