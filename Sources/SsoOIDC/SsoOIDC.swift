@_exported import SsoCore
@_exported import SsoJOSE
