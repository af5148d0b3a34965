//! The interface in Spanish, switched as a user does it (View › Language › Español), and back:
//! the start screen, the menus, the legend and the analysis panel read in Spanish at once, without
//! a restart, and the choice is remembered in the preferences.
//!
//! The language is the process's, so this file holds one test: others in their own binaries see
//! English.
#![cfg(feature = "gui")]

use detmap::app::DetmapApp;
use detmap::app::dialogs::ScriptedDialogs;
use detmap::app::persistence::Prefs;
use detmap::i18n::Language;
use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn switching_to_spanish_translates_the_window_at_once_and_back() {
    let mut h = Harness::builder()
        .with_size(vec2(1280.0, 720.0))
        .with_step_dt(1.0 / 60.0)
        .build_eframe(|cc| {
            let prefs = Prefs {
                language: Some(Language::English),
                ..Prefs::default()
            };
            DetmapApp::with_dialogs(&cc.egui_ctx, prefs, None, Box::new(ScriptedDialogs::default()))
        });
    h.run();
    h.get_by_label("Samples");

    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Language").click();
    h.run();
    h.get_by_label("Español").click();
    h.run();
    assert_eq!(h.state().state().prefs.language, Some(Language::Spanish), "remembered");

    // The start screen and the menus, in Spanish.
    h.get_by_label("Ejemplos");
    h.get_by_label("Mapa nuevo");
    h.get_by_label("Archivo");
    h.get_by_label("Ver");
    assert!(h.query_by_label("Samples").is_none());

    // The Chile sample: the legend and the analysis panel.
    h.get_by_label("Chile: determinants of anti-trafficking efforts")
        .click();
    h.run();
    h.get_by_label("Categoría (relleno):");
    h.get_by_label("facilita");
    h.get_by_label_contains("Análisis").click();
    h.run();
    h.get_by_label("Matriz");
    h.get_by_label("Puntos de presión");
    assert!(h.query_all_by_label_contains("etapas").next().is_some());

    // The filters and coded values, the matrix, and the explanations in words.
    h.get_by_label("Ámbito");
    h.get_by_label("Agrupar por");
    h.get_by_label("Solo influencias directas");
    h.get_by_label("Por qué y qué pasaría si…");
    h.get_by_label_contains("La alimentan, etapa 1: ");
    h.get_by_label_contains("Etapa 1: ").click();
    h.run();
    h.get_by_label_contains("Qué alimenta a la etapa 1: ");
    h.get_by_label_contains("Directamente (");
    // The tab and the stage's section.
    assert_eq!(h.query_all_by_label("Puntos de presión").count(), 2);
    // A cell: why, in words.
    h.get_by_label("Civil society research and visibility → Acknowledgment and prioritisation: directo, facilita")
        .click();
    h.run();
    h.get_by_label("Por qué Civil society research and visibility alimenta a Acknowledgment and prioritisation");
    h.get_by_label("Un camino habilitador, 1 paso");
    // The determinant (its row in the matrix; the map draws it too).
    h.query_all_by_role_and_label(egui::accesskit::Role::Button, "Civil society research and visibility")
        .last()
        .unwrap()
        .click();
    h.run();
    h.get_by_label_contains("interno · directo · punto de presión · habilitador");
    h.get_by_label("Excluir: ¿qué pasaría sin él?").click();
    h.run();
    h.get_by_label_contains("Si se excluye Civil society research and visibility");
    h.get_by_label("⚠ Acknowledgment and prioritisation pierde el apoyo de: International organisations' support.");
    h.get_by_label_contains("Perdidos por la exclusión (×), etapa 1: ");
    assert!(h.query_by_label_contains("Knock out").is_none());
    assert!(h.query_by_label_contains("Why and what if").is_none());

    // Help › Keyboard shortcuts: the gestures.
    h.get_by_label("Ayuda").click();
    h.run();
    h.get_by_label_contains("Atajos de teclado").click();
    h.run();
    h.get_by_label("Doble clic en un espacio vacío del lienzo");
    h.get_by_label("Rueda del mouse o gesto de pellizco");
    h.get_by_label("Close window").click();
    h.run();

    // The Export menu: the core's list of exports, in Spanish.
    h.get_by_label("Archivo").click();
    h.run();
    h.get_by_label("Exportar ⏵").click();
    h.run();
    h.get_by_label("Mapa en SVG…");
    h.get_by_label("Informe para los participantes (Markdown)…");
    assert!(h.query_by_label("Map as SVG…").is_none());
    h.get_by_label("Archivo").click();
    h.run();

    // A new stage (Alt+S): the inspector names it, and Edit › Undo says what it undoes, each in
    // one Spanish message.
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::S);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    // Made in the language the user works in (then it is the map's own text).
    assert_eq!(h.state().state().doc.map.stages.last().unwrap().label, "Nueva etapa");
    h.get_by_label("Etapa de respuesta");
    h.get_by_label("Nombre");
    let n = h.state().state().doc.map.stages.len();
    h.get_by_label(&format!("Etapa {n} de {n}"));
    h.get_by_label("Eliminar etapa");
    h.get_by_label("Editar").click();
    h.run();
    h.get_by_label_contains("Deshacer: agregar etapa").click();
    h.run();
    assert_eq!(h.state().state().status.as_deref(), Some("Se deshizo: agregar etapa."));

    // A new determinant (Alt+D) is called so in Spanish too.
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::D);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(
        h.state().state().doc.map.determinants.last().unwrap().label,
        "Nuevo determinante"
    );

    // And back to English.
    h.get_by_label("Ver").click();
    h.run();
    h.get_by_label_contains("Idioma").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    h.get_by_label("Matrix");
    h.get_by_label("File");
    assert_eq!(detmap::i18n::language(), Language::English);
}
