; Inno Setup 6.3+ script for the Checkpoint installer (Windows 10/11, 64-bit).
;
; Build dist\checkpoint\ first with `python packaging\build.py`, then, from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\checkpoint.iss
; (packaging\windows\BUILDING-WINDOWS.md gives the exact steps and reads the version from pyproject.toml.)
; Output: dist\checkpoint-<version>-windows-x64-setup.exe
;
; What it does: installs the program folder for the current user (default, no administrator rights needed) or
; for all users (chosen in the first dialog, needs administrator rights); adds Start-menu entries "Checkpoint" and
; "Checkpoint self-test"; runs the self-test at the end. What it never does: touch the users' data (stores live in
; each user's profile, never under the program folder, and uninstalling leaves them), store passphrases,
; keys or server addresses, change PATH or other system settings. It writes only the program files, the
; shortcuts and the uninstall entry.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\checkpoint.iss
#endif
#define AppName "Checkpoint"
#define AppExe "checkpoint.exe"
#define SourceDir "..\..\dist\checkpoint"

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
; Per-user install by default; the first dialog offers "all users" (which asks for administrator rights).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=checkpoint-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\ui\assets\checkpoint.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
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

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\README-INSTALL.md"; DestDir: "{app}"; DestName: "README-INSTALL.txt"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
; A console window that stays open with the self-test's result (checkpoint.exe itself has no console).
Name: "{autoprograms}\{#AppName} self-test"; Filename: "{cmd}"; Parameters: "/k """"{app}\checkpoint-console.exe"" --self-test"""; IconFilename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
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
