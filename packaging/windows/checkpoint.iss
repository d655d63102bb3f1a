; Inno Setup 6.3+ script for the Checkpoint installer (Windows 10 1809 or later, 64-bit).
;
; Build dist\checkpoint\ first with `python packaging\build.py`, then, from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\checkpoint.iss
; and to sign (a code-signing certificate configured; see packaging\windows\BUILDING-WINDOWS.md):
;   iscc /DAppVersion=0.1.0 /DSign "/Scheckpointsign=signtool.exe sign /fd sha256 /tr <timestamp URL> /td sha256 /sha1 <thumbprint> $f" packaging\windows\checkpoint.iss
; (packaging\windows\BUILDING-WINDOWS.md gives the exact steps and reads the version from pyproject.toml.)
; Output: dist\checkpoint-<version>-windows-x64-setup.exe
;
; What it does: installs the program for all users of the laptop (administrator rights: IT installs it once per
; laptop); creates the local group "Checkpoint Users" and the data folder %PROGRAMDATA%\Checkpoint with an ACL for
; that group, SYSTEM and the folder's owner only (no inheritance from ProgramData, where every user may read);
; adds Start-menu entries "Checkpoint" and "Checkpoint self-test"; runs the self-test at the end. IT then adds each
; officer's Windows account to the group: net localgroup "Checkpoint Users" <account> /add
; What it never does: touch the users' data (uninstalling leaves %PROGRAMDATA%\Checkpoint and the group), store
; passphrases, keys or server addresses, change PATH. It writes the program files, the shortcuts, the uninstall
; entry, the group and the (empty) data folder.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\checkpoint.iss
#endif
#define AppName "Checkpoint"
#define AppExe "checkpoint.exe"
#define SourceDir "..\..\dist\checkpoint"
#define DataGroup "Checkpoint Users"
; /DSign: sign the executables, the installer and the uninstaller with the sign tool named "checkpointsign"
; (defined on ISCC's command line with /S). Without it nothing is signed (SmartScreen warns; see BUILDING-WINDOWS.md).
#ifdef Sign
  #define SignFlag "sign"
#else
  #define SignFlag ""
#endif

[Setup]
; AppId identifies the product for upgrades and uninstalling: never change it.
AppId={{9B9BF93E-0863-4CB5-9104-F73B6281269C}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Checkpoint project
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per machine: the store is per machine (%PROGRAMDATA%\Checkpoint, checkpoint/paths.py), so is the program.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 1809 (build 17763): Qt 6.11's minimum.
MinVersion=10.0.17763
OutputDir=..\..\dist
OutputBaseFilename=checkpoint-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\ui\assets\checkpoint.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
#ifdef Sign
SignTool=checkpointsign
SignedUninstaller=yes
#endif
; Close a running Checkpoint before replacing its files (it saves drafts continuously).
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole runtime folder, so no module of an older version lingers. Only program files live
; there; the users' data never does.
Type: filesandordirs; Name: "{app}\_internal"

[Dirs]
; The data folder; its ACL is set in [Run] (icacls) because Inno's Permissions cannot remove inherited entries.
Name: "{commonappdata}\Checkpoint"; Flags: uninsneveruninstall

[Files]
Source: "{#SourceDir}\*"; Excludes: "\checkpoint*.exe"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; The four executables (signed when /DSign is given; each carries its version resource from the build)
Source: "{#SourceDir}\checkpoint*.exe"; DestDir: "{app}"; Flags: ignoreversion {#SignFlag}
Source: "..\README-INSTALL.md"; DestDir: "{app}"; DestName: "README-INSTALL.txt"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
; A console window that stays open with the self-test's result (checkpoint.exe itself has no console).
Name: "{autoprograms}\{#AppName} self-test"; Filename: "{cmd}"; Parameters: "/k """"{app}\checkpoint-console.exe"" --self-test"""; IconFilename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
; The group whose members may use the store; an error because it exists already (an upgrade) is expected.
Filename: "{sys}\net.exe"; Parameters: "localgroup ""{#DataGroup}"" /add /comment:""Windows accounts that may use Checkpoint's data"""; Flags: runhidden; StatusMsg: "Creating the Checkpoint Users group..."
; The data folder's ACL, the same as checkpoint/acl.py gives: owner (OWNER RIGHTS), SYSTEM, the group; nothing inherited.
Filename: "{sys}\icacls.exe"; Parameters: """{commonappdata}\Checkpoint"" /inheritance:r /grant:r *S-1-3-4:(OI)(CI)(F) *S-1-5-18:(OI)(CI)(F) ""{#DataGroup}:(OI)(CI)(M)"" /q"; Flags: runhidden; StatusMsg: "Protecting the data folder..."
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// After copying the files, run the self-test (offscreen, no network, in a temporary folder) and say so if it fails.
procedure CurStepChanged(CurStep: TSetupStep);
var
  ResultCode: Integer;
begin
  if CurStep = ssPostInstall then
  begin
    WizardForm.StatusLabel.Caption := 'Checking the installation (self-test)...';
    if not Exec(ExpandConstant('{app}\checkpoint-console.exe'), '--self-test', '', SW_HIDE,
                ewWaitUntilTerminated, ResultCode) or (ResultCode <> 0) then
      SuppressibleMsgBox('Checkpoint was installed, but its self-test did not pass (exit code ' +
        IntToStr(ResultCode) + '). Open "Checkpoint self-test" from the Start menu to see why, and send ' +
        'what it shows to your support contact.', mbError, MB_OK, IDOK);
  end;
end;
