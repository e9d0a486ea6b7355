// The floor window: what any Tauri 2 app on this WebKitGTK costs before it does anything.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default().run(tauri::generate_context!()).expect("the floor window failed to start");
}
