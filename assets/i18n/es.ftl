# Determinant Mapper: la interfaz en español. Cada mensaje de en.ftl está aquí con las mismas
# variables (las pruebas lo comprueban). Los términos se eligen en GLOSSARY-es.md (etapa de
# respuesta; habilitador / obstaculizador, y como verbos facilita / obstaculiza; interno / externo;
# directo / indirecto; estructural / punto de presión; excluir del análisis): manténgalos.

## Counts

count-determinants = { $count ->
    [one] 1 determinante
   *[other] { $count } determinantes
}
count-influences = { $count ->
    [one] 1 influencia
   *[other] { $count } influencias
}
count-stages = { $count ->
    [one] 1 etapa
   *[other] { $count } etapas
}
count-selected = { $count ->
    [one] 1 seleccionado
   *[other] { $count } seleccionados
}

## Menus

menu-file = Archivo
menu-edit = Editar
menu-view = Ver
menu-help = Ayuda
menu-open-sample = Abrir ejemplo
menu-open-recent = Abrir reciente
menu-export = Exportar
menu-language = Idioma
menu-language-system = Idioma del sistema ({ $language })

## Commands (menus, shortcuts list, toolbar hints)

command-new = Nuevo
command-open = Abrir…
command-save = Guardar
command-save-as = Guardar como…
command-import = Importar…
command-merge = Combinar…
command-quit = Salir
command-undo = Deshacer
command-redo = Rehacer
command-cut = Cortar
command-copy = Copiar
command-paste = Pegar
command-paste-lines = Pegar líneas como determinantes
command-duplicate = Duplicar
command-delete = Eliminar
command-select-all = Seleccionar todo
command-find = Buscar
command-rename = Renombrar
command-flip-sign = Invertir el signo de la influencia
command-add-determinant = Agregar determinante
command-add-stage = Agregar etapa
command-escape = Quitar selección / cancelar
command-zoom-to-fit = Ajustar a la ventana
command-zoom-in = Acercar
command-zoom-out = Alejar
command-flow-layout = Disposición en flujo
command-force-layout = Disposición por fuerzas
command-compare = Comparar con…
command-toggle-analysis = Panel de análisis
command-toggle-legend = Leyenda
command-toggle-drag-selects = Arrastrar en el lienzo selecciona
command-toggle-theme = Tema claro / oscuro
command-toggle-presentation = Modo presentación
command-toggle-fullscreen = Pantalla completa
command-show-shortcuts = Atajos de teclado
command-about = Acerca de

shortcut-either = { $first } o { $second }
key-shift = Mayús
key-left = Flecha izquierda
key-right = Flecha derecha
key-backspace = Retroceso
key-delete = Supr
key-equals = Igual
key-escape = Esc
key-minus = Menos
key-page-down = AvPág
key-page-up = RePág
key-plus = Más

## Toolbar

toolbar-outline = Esquema
toolbar-outline-show = Mostrar el esquema
toolbar-outline-hide = Ocultar el esquema
toolbar-inspector = Inspector
toolbar-inspector-show = Mostrar el inspector
toolbar-inspector-hide = Ocultar el inspector
toolbar-add-determinant = + Determinante
toolbar-add-determinant-hint = O haga doble clic en un espacio vacío del lienzo
toolbar-add-stage = + Etapa
toolbar-add-stage-hint = Una nueva etapa de respuesta
toolbar-flip-sign = ± Invertir signo
toolbar-flip-sign-hint = Facilita ↔ obstaculiza, en las influencias seleccionadas
toolbar-analysis = Análisis
toolbar-analysis-hint = Qué alimenta cada etapa, por qué y qué pasaría si faltara un determinante
toolbar-fit = Ajustar
toolbar-fit-hint = Mostrar el mapa completo
toolbar-pan = ✋ Mover
toolbar-pan-hint = Arrastrar en el lienzo vacío mueve la vista (Mayús+arrastrar selecciona)
toolbar-select = ⬚ Seleccionar
toolbar-select-hint = Arrastrar en el lienzo vacío selecciona con un recuadro (Espacio+arrastrar mueve la vista)
presentation-leave = Salir de la presentación (Esc)
presentation-hint = Haga clic en una etapa para ver qué la alimenta, o en un determinante para ver qué etapas alimenta

## Status bar

status-not-saved-yet = aún no guardado en un archivo
status-unsaved = ● cambios sin guardar
status-map-counts = { $determinants } · { $influences } · { $stages }

## Legend and overview

legend-hide = Ocultar la leyenda (Alt+L)
legend-category = Categoría (relleno)
legend-influence = Influencia
legend-enables = facilita
legend-hinders = obstaculiza
legend-strength = Más gruesa: más fuerte · más tenue: menos segura
legend-stage = etapa de respuesta
legend-nature = Forma (naturaleza)
legend-structural = estructural
legend-pressure-point = punto de presión
legend-not-coded = sin codificar
legend-directness = Borde (carácter directo)
legend-direct = directo
legend-indirect = indirecto
legend-internal = ámbito: interno
legend-external = ámbito: externo
legend-hinders-overall = obstaculizador en conjunto
overview-hint = El mapa completo: haga clic o arrastre para mover la vista

## Start screen

start-tagline = Dibuje lo que impulsó u obstaculizó la respuesta de un país a un problema de política pública.
start-new = Mapa nuevo
start-open = Abrir un archivo…
start-samples = Ejemplos
start-samples-note = Mapas elaborados a partir de estudios publicados; cada uno se abre como una copia sin guardar.
start-recent = Archivos recientes
start-recent-empty = Aquí aparecen los mapas que abra o guarde.
start-missing = { $place } (no se encuentra)
start-forget = Quitar de la lista

## Dialogs

problem-could-not-use = No se pudo usar { $file }
problem-dismiss = Cerrar
problem-map-unchanged = El mapa que tenía abierto no ha cambiado.
confirm-title = ¿Guardar los cambios?
confirm-before-new = “{ $name }” tiene cambios sin guardar. ¿Guardarlos antes de empezar un mapa nuevo?
confirm-before-open = “{ $name }” tiene cambios sin guardar. ¿Guardarlos antes de abrir otro mapa?
confirm-before-quit = “{ $name }” tiene cambios sin guardar. ¿Guardarlos antes de salir?
confirm-before-import = “{ $name }” tiene cambios sin guardar. ¿Guardarlos antes de importar una hoja de cálculo?
confirm-save = Guardar
confirm-discard = No guardar
confirm-cancel = Cancelar
conflict-changed-title = El archivo cambió en el disco
conflict-changed-body = Otro programa u otra ventana cambió “{ $name }” desde que se abrió o se guardó aquí. Guardar ahora reemplazaría esos cambios.
conflict-comments-title = Al guardar se pierden los comentarios del archivo
conflict-comments-body = “{ $name }” contiene comentarios escritos a mano (el primero en la línea { $line }, columna { $column }). Determinant Mapper escribe el mapa con su propio formato, que no los conserva: guardar sobre el archivo los elimina. Guardar como… deja este archivo tal como está.
conflict-save-as = Guardar como…
conflict-save-as-hint = Conservar ambos: guardar este mapa en otro archivo
conflict-reload = Volver a cargar del disco
conflict-reload-hint = Abrir el archivo tal como está ahora; se pierden los cambios sin guardar de esta ventana
conflict-overwrite = Sobrescribir
conflict-overwrite-hint = Guardar este mapa sobre el archivo; se pierden los otros cambios
conflict-save-anyway = Guardar de todos modos
conflict-save-anyway-hint = Guardar este mapa sobre el archivo; se eliminan sus comentarios
conflict-cancel = Cancelar

## Analysis panel

analysis-title = Análisis
analysis-analysing = Analizando…
analysis-tab-matrix = Matriz
analysis-tab-loops = Bucles de retroalimentación ({ $count })
analysis-tab-pressure = Puntos de presión
analysis-tab-hints = Sugerencias de codificación ({ $count })
analysis-close = Cerrar el panel de análisis (Alt+A)
analysis-clear-focus = Quitar el foco
analysis-clear-focus-hint = Volver a mostrar el mapa completo (Esc)
analysis-bring-back = Reincorporar
analysis-bring-back-hint = Deshacer la exclusión (el mapa en sí nunca cambió)
analysis-what-feeds = Qué alimenta a la etapa { $number }: { $stage }
analysis-feeders-summary = { $count ->
    [one] 1 determinante
   *[other] { $count } determinantes
}: { $direct } directamente, { $indirect } a través de otros · { $enable ->
    [one] 1 facilita
   *[other] { $enable } facilitan
}, { $hinder ->
    [one] 1 obstaculiza
   *[other] { $hinder } obstaculizan
}, { $mixed ->
    [one] 1 mixto
   *[other] { $mixed } mixtos
}
analysis-knocked-out = Excluido: { $determinant }

## File chooser (the window's own, where the desktop has no file dialog)

chooser-no-system-dialog = Este escritorio no puede mostrar un diálogo de archivos del sistema (necesita un portal de escritorio XDG con selector de archivos, o zenity), así que Determinant Mapper usa el suyo.
chooser-system-dialog-failed = El diálogo de archivos del sistema no se abrió, así que Determinant Mapper usa desde ahora su propio selector de archivos.
chooser-open = Abrir
chooser-save = Guardar
chooser-cancel = Cancelar
chooser-file-name = Nombre del archivo:
chooser-replace = Reemplazar
chooser-exists = ya existe. ¿Reemplazarlo?
chooser-empty-name = Escriba un nombre de archivo.
chooser-all-files = Todos los archivos
chooser-files-of = Archivos { $extensions }
chooser-reload = Volver a cargar
chooser-working-folder = Ir a la carpeta de trabajo
chooser-show-hidden = Mostrar archivos ocultos
chooser-show-system = Mostrar archivos del sistema
chooser-pinned = Fijadas
chooser-places = Lugares
chooser-devices = Dispositivos
chooser-removable = Dispositivos extraíbles
chooser-home = Carpeta personal
chooser-desktop = Escritorio
chooser-documents = Documentos
chooser-downloads = Descargas
chooser-music = Música
chooser-pictures = Imágenes
chooser-videos = Videos
chooser-pin = Fijar
chooser-unpin = Quitar
chooser-rename = Renombrar
chooser-selected-folder = Carpeta elegida:
chooser-selected-file = Archivo elegido:
chooser-empty-folder-name = Escriba un nombre de carpeta.
chooser-folder-exists = Ya existe una carpeta con ese nombre.
chooser-file-exists = Ya existe un archivo con ese nombre.

## Merge review and comparison (beside the canvas)

room-review = Revisión de la combinación
room-compare = Comparación
room-close = Cerrar
room-merged-from = Combinado desde { $file }
room-no-conflict = Sin conflictos: cada elemento que comparten los dos mapas dice lo mismo en ambos.
room-review-summary = { $conflicts ->
    [one] 1 conflicto
   *[other] { $conflicts } conflictos
} por revisar, { $added ->
    [one] 1 elemento agregado
   *[other] { $added } elementos agregados
}. Haga clic en un valor para conservarlo en su lugar (Deshacer lo revierte).
room-edited = Editado después de la combinación: ninguno de estos valores es el del mapa.
room-compared-with = Comparado con { $file }
room-same = Los dos mapas dicen lo mismo.
room-counts = { $added ->
    [one] 1 agregado
   *[other] { $added } agregados
}, { $removed ->
    [one] 1 eliminado
   *[other] { $removed } eliminados
}, { $changed ->
    [one] 1 cambio
   *[other] { $changed } cambios
}
room-marked = Los elementos agregados y cambiados se destacan en el lienzo; los eliminados se dibujan con línea discontinua donde estaban.
room-added-here = Agregados en este mapa
room-removed-here = No están en este mapa (solo en { $file })
room-changed = Cambiados
room-more = … y { $count } más

## Coded values, as the filters, the matrix and the explanations name them (src/app/ui/words.rs)

coded-any = todos
coded-not-coded = sin codificar
coded-internal = interno
coded-external = externo
coded-direct = directo
coded-indirect = indirecto
coded-structural = estructural
coded-pressure-point = punto de presión
coded-enabler = habilitador
coded-hinder = obstaculizador
coded-no-category = sin categoría
confidence-low = baja
confidence-medium = media
confidence-high = alta
sign-enables = facilita
sign-hinders = obstaculiza
net-enables = facilita
net-hinders = obstaculiza
net-mixed = mixto
grouping-map-order = orden del mapa
grouping-category = categoría
grouping-locus = ámbito
grouping-directness = carácter directo
grouping-nature = naturaleza
grouping-effect = efecto

## Analysis panel: filters and header

analysis-direct-only = Solo influencias directas
analysis-direct-only-hint = Solo las influencias que entran directamente en una etapa, en la matriz y en el lienzo
filter-show = Mostrar
filter-locus = Ámbito
filter-directness = Carácter
filter-nature = Naturaleza
filter-effect = Efecto
filter-category = Categoría
filter-tag = Etiqueta
filter-show-all = Mostrar todos
filter-group-by = Agrupar por
filter-min-confidence = Confianza mínima
filter-min-confidence-hint = Considera solo las influencias con al menos esta confianza, en la matriz, las explicaciones, la exclusión y el mapa. Baja considera todos los vínculos; media deja fuera los que el estudio solo sugiere; alta conserva solo los que el estudio afirma. Una influencia sin confianza indicada cuenta como alta. El mapa no cambia.
cell-direct = directo, { $net }
cell-steps = { $steps } pasos, { $net }
cell-confidence = { $cell }, confianza { $confidence }

## Analysis panel: matrix

matrix-needs = La matriz necesita al menos una etapa y un determinante.
matrix-no-rows = Ningún determinante pasa los filtros.
matrix-shown = { $shown } de { $total ->
    [one] 1 determinante
   *[other] { $total } determinantes
} · etapa de respuesta →
matrix-stage = Etapa { $number }: { $stage }
matrix-click-stage = Clic: qué la alimenta
matrix-click-determinant = Clic: las etapas que alimenta
matrix-click-cell = Clic: por qué
matrix-lost-without = se pierde si se excluye { $determinant }
matrix-total-feed = La alimentan
matrix-total-hinder = La obstaculizan (−)
matrix-total-mixed = Mixtos (±)
matrix-total-lost = Perdidos por la exclusión (×)
matrix-total = { $name }, etapa { $number }: { $count }
matrix-total-tentative = Provisionales (confianza baja)
matrix-mark-low = baja
matrix-mark-medium = media
matrix-confidence-legend = baja, media: solo vínculos menos seguros
matrix-confidence-legend-hint = Una celda rayada con “baja” es provisional: todos sus caminos pasan por una influencia de confianza baja (un vínculo que el estudio sugiere, pero no afirma). “media” indica que su camino más seguro tiene confianza media. Fije la confianza mínima para dejarlas fuera.

## Analysis panel: explanations in words

path-loop-reinforcing = Bucle de retroalimentación reforzador
path-loop-reinforcing-why = Un número par de influencias que obstaculizan: se amplifica a sí mismo.
path-loop-balancing = Bucle de retroalimentación compensador
path-loop-balancing-why = Un número impar de influencias que obstaculizan: se amortigua a sí mismo.
path-nothing-title = Por qué y qué pasaría si…
path-nothing-stage = Haga clic en una etapa (en el mapa o en la cabecera de una columna) para ver qué la alimenta.
path-nothing-determinant = Haga clic en un determinante para ver las etapas que alimenta y los caminos hasta ellas.
path-nothing-cell = Haga clic en una celda de la matriz para ver por qué: un camino explicativo, con su evidencia.
path-without = Si se excluye { $determinant }:
path-no-loss = Ninguna etapa pierde apoyo habilitador.
path-loses-all = ⚠ { $stage } pierde todo su apoyo habilitador.
path-no-longer-enabled = ⚠ { $stage } pierde el apoyo de: { $determinants }.
path-stage-loses-all = ⚠ Si se excluye el determinante, la etapa pierde todo su apoyo habilitador.
path-stage-enablers-drop = { $count ->
    [one] ⚠ Si se excluye el determinante, la etapa pierde 1 de sus habilitadores.
   *[other] ⚠ Si se excluye el determinante, la etapa pierde { $count } de sus habilitadores.
}
path-directly = Directamente ({ $count })
path-through-others = A través de otros determinantes ({ $count })
path-lost = Perdidos por la exclusión
path-pressure-points = Puntos de presión
path-structural-intro = Según la estructura: todo camino hacia la etapa desde estos determinantes pasa por
path-structural-none = ninguno: cada determinante tiene más de una vía de entrada.
path-structural-point = { $count ->
    [one] { $determinant }  (depende de él 1 determinante)
   *[other] { $determinant }  (dependen de él { $count } determinantes)
}
path-coded-intro = Codificados por los investigadores como puntos de presión, entre los que la alimentan
path-none = ninguno
path-more = … y { $count } más (vea la matriz)
path-why-hint = Por qué: el camino explicativo
path-feeder = { $code }  { $determinant } ({ $net })
path-feeder-sure = { $code }  { $determinant } ({ $net }; confianza { $confidence })
path-cell-tentative = Provisional: todos sus caminos pasan por un vínculo de confianza baja (que el estudio sugiere, pero no afirma).
path-cell-medium = Su camino más seguro tiene confianza media.
path-step-weak = Vínculo débil: confianza { $confidence }
path-weakest = · vínculo más débil: confianza { $confidence }
path-knock-out = Excluir: ¿qué pasaría sin él?
path-knock-out-hint = El mapa no cambia: el análisis deja fuera este determinante hasta que usted lo reincorpore
path-feeds = Alimenta
path-lost-feed = ×  { $stage } (perdida por la exclusión)
path-no-stage = ninguna etapa
path-paths = Caminos
path-hint = Sugerencia: { $hint }
path-why-feeds = Por qué { $determinant } alimenta a { $stage }
path-cell-lost = Así está dibujado; si se excluye el determinante, deja de alimentar esta etapa.
path-cell-none = No alimenta esta etapa.
path-enabling = { $count ->
    [one] Un camino habilitador, 1 paso
   *[other] Un camino habilitador, { $count } pasos
}
path-hindering = { $count ->
    [one] Un camino obstaculizador, 1 paso
   *[other] Un camino obstaculizador, { $count } pasos
}
path-step = { $number }. { $from } { $sign } { $to }
path-evidence = Evidencia: { $source }: { $paraphrase }
path-evidence-at = Evidencia: { $source }, { $location }: { $paraphrase }
path-no-evidence = No hay evidencia registrada para esta influencia.

## Analysis panel: loops, pressure points, coding hints

loops-summary = { $count ->
    [one] 1 bucle de retroalimentación
   *[other] { $count } bucles de retroalimentación
}: { $reinforcing ->
    [one] 1 reforzador
   *[other] { $reinforcing } reforzadores
} (↻, amplifican), { $balancing ->
    [one] 1 compensador
   *[other] { $balancing } compensadores
} (⚖, amortiguan).
loops-truncated = El mapa tiene más; se listan los primeros { $limit }.
loops-none = Ningún determinante se influye a sí mismo a través de otros: el mapa no tiene bucles de retroalimentación.
loops-reinforcing = reforzador
loops-balancing = compensador
pressure-intro = Estructura: todo camino hacia la etapa desde algunos de los determinantes que la alimentan pasa por estos. Codificados: los que la alimentan y el estudio llama puntos de presión.
pressure-stage = Etapa
pressure-structure = Según la estructura
pressure-coded = Codificados por el estudio
pressure-none = ninguno
pressure-more = y { $count } más
hints-intro = Donde la codificación y la estructura no coinciden. La codificación es la del estudio: son preguntas, no errores.
hints-show-dismissed = { $count ->
    [one] Mostrar 1 descartada
   *[other] Mostrar { $count } descartadas
}
hints-none = No hay sugerencias abiertas.
hints-dismiss = Descartar
hints-show = Mostrar
hints-show-hint = Destacarlo en el mapa
hint-coded-direct = “{ $determinant }” está codificado como directo, pero llega a cada etapa que alimenta solo a través de otros determinantes (la más cercana: a { $steps } pasos).
hint-feeds-no-stage = “{ $determinant }” no alimenta ninguna etapa, ni directa ni indirectamente.

## Outline

outline-search = Buscar determinante o etapa
outline-stages = Etapas de respuesta
outline-determinants = Determinantes por categoría
outline-fold = Plegar esta categoría
outline-unfold = Desplegar esta categoría

## Inspector

inspector-selected = { $count ->
    [one] 1 elemento seleccionado
   *[other] { $count } elementos seleccionados
}
inspector-flip-signs = Invertir el signo de las influencias seleccionadas
inspector-coding-of = { $count ->
    [one] Codificación del determinante seleccionado
   *[other] Codificación de los { $count } determinantes seleccionados
}
inspector-coding-applies = Lo que elija aquí se aplica a todos ellos; un solo Deshacer lo revierte. “{ $mixed }”: difieren entre sí.
inspector-mixed = distintos
inspector-mixed-hint = Los determinantes seleccionados difieren en este campo; lo que elija se aplica a todos ellos.
inspector-id = id { $id }
inspector-map = Mapa
inspector-map-intro = No hay nada seleccionado: estos son los datos del propio mapa.
inspector-determinant = Determinante
inspector-stage = Etapa de respuesta
inspector-influence = Influencia
inspector-title = Título
inspector-label = Nombre
inspector-description = Descripción
inspector-notes = Notas
inspector-note = Nota
inspector-stage-position = Etapa { $number } de { $count }
inspector-move-up = Subir
inspector-move-down = Bajar
inspector-delete-determinant = Eliminar determinante
inspector-delete-stage = Eliminar etapa
inspector-delete-influence = Eliminar influencia
inspector-enables-arrow = facilita →
inspector-hinders-arrow = obstaculiza ⇥
inspector-sign = Signo
inspector-strength = Intensidad
inspector-strength-unknown = sin indicar
inspector-confidence = Confianza
inspector-confidence-unknown = sin indicar
inspector-locus = Ámbito
inspector-locus-unknown = sin codificar
inspector-directness = Carácter
inspector-directness-unknown = sin codificar
inspector-nature = Naturaleza
inspector-nature-unknown = sin codificar
inspector-effect = Efecto
inspector-new-influences-start = { $count ->
    [one] Las nuevas influencias que parten de él comienzan como “{ $sign }”.
   *[other] Las nuevas influencias que parten de ellos comienzan como “{ $sign }”.
}
inspector-share = ({ $count } de { $total })
inspector-categories = Categorías
inspector-remove-category = Quitar esta categoría
inspector-add-a-category = Agregar una categoría
inspector-new-category = Nueva categoría
inspector-add = Agregar
inspector-tags = Etiquetas
inspector-no-tags = ninguna
inspector-remove-tag = Quitar esta etiqueta
inspector-add-a-tag = Agregar una etiqueta
inspector-new-tag = Nueva etiqueta
inspector-add-tag = Agregar etiqueta
inspector-evidence = Evidencia
inspector-remove-evidence = Quitar esta evidencia
inspector-section-or-page = Sección o página
inspector-paraphrase = Paráfrasis
inspector-add-evidence = Agregar evidencia
inspector-evidence-needs-source = La evidencia cita una de las fuentes del mapa; agregue una fuente en los datos del mapa (haga clic en un espacio vacío del lienzo).
inspector-quick-evidence = Evidencia rápida
inspector-quick-source-hint = La fuente que cita la evidencia
inspector-page = Página
inspector-what-it-says = Qué dice; Enter la agrega
inspector-add-evidence-hint = Agregar esta evidencia a la influencia
inspector-influences = Influye en ({ $count })
inspector-influenced-by = Recibe influencia de ({ $count })
inspector-sources = Fuentes ({ $count })
inspector-source-title = Título de la fuente
inspector-citation = Referencia bibliográfica
inspector-cited-by = { $count ->
    [one] Citada en 1 evidencia
   *[other] Citada en { $count } evidencias
}
inspector-remove-source = Quitar la fuente
inspector-new-source = Título de una nueva fuente
inspector-add-source = Agregar fuente
inspector-stages = Etapas de respuesta ({ $count })
inspector-no-stages = Aún no hay etapas: presione Alt+S o use + Etapa en el lienzo.
inspector-map-categories = Categorías ({ $count })
inspector-remove-unused-category = Quitar esta categoría sin uso
inspector-map-tags = Etiquetas ({ $count })
inspector-tags-intro = Enfoques como las 4 P; agregue etiquetas a los determinantes en su inspector.
inspector-remove-tag-everywhere = Quitar esta etiqueta del mapa y de todos los determinantes

## Undo and redo: what a step did (src/app/edit.rs, Edit::describe)

menu-undo-what = Deshacer: { $what }
menu-redo-what = Rehacer: { $what }
status-undone = Se deshizo: { $what }.
status-redone = Se rehízo: { $what }.
edit-add-determinant = agregar determinante
edit-add-stage = agregar etapa
edit-add-influence = agregar influencia
edit-add-influences = { $count ->
    [one] agregar 1 influencia
   *[other] agregar { $count } influencias
}
edit-add-items = { $count ->
    [one] agregar 1 elemento
   *[other] agregar { $count } elementos
}
edit-rename-determinant = renombrar determinante
edit-notes = editar notas
edit-evidence = editar evidencia
edit-determinant = editar determinante
edit-determinants = { $count ->
    [one] editar 1 determinante
   *[other] editar { $count } determinantes
}
edit-rename-stage = renombrar etapa
edit-stage = editar etapa
edit-flip-sign = invertir signo
edit-flip-signs = { $count ->
    [one] invertir 1 signo
   *[other] invertir { $count } signos
}
edit-influence = editar influencia
edit-influences = { $count ->
    [one] editar 1 influencia
   *[other] editar { $count } influencias
}
edit-move = { $kind ->
    [stage] mover etapa
    [determinant] mover determinante
    [influence] mover influencia
   *[other] mover elemento
}
edit-move-items = { $count ->
    [one] mover 1 elemento
   *[other] mover { $count } elementos
}
edit-delete = { $kind ->
    [stage] eliminar etapa
    [determinant] eliminar determinante
    [influence] eliminar influencia
   *[other] eliminar elemento
}
edit-delete-items = { $count ->
    [one] eliminar 1 elemento
   *[other] eliminar { $count } elementos
}
edit-title = editar título
edit-description = editar descripción
edit-sources = editar fuentes
edit-rename-category = renombrar categoría
edit-category = editar categoría
edit-add-category = agregar categoría
edit-remove-category = quitar categoría
edit-add-tag = agregar etiqueta
edit-remove-tag = quitar etiqueta
edit-reorder-stages = reordenar etapas
edit-changes = { $count ->
    [one] 1 cambio
   *[other] { $count } cambios
}
edit-merge = combinar mapas
edit-add-step = agregar paso
edit-delete-step = eliminar paso
edit-rename-step = renombrar paso
edit-step = editar paso
edit-step-note = editar la nota del paso
edit-move-step = mover paso
edit-presentation = editar presentación
edit-code-determinant = codificar determinante
edit-code-determinants = { $count ->
    [one] codificar 1 determinante
   *[other] codificar { $count } determinantes
}

## Export menu (src/export: Export::menu_label; the dialog's title drops the "…")

export-determinants-csv = Determinantes en CSV…
export-influences-csv = Influencias en CSV…
export-feeders-markdown = Tabla de lo que alimenta cada etapa (Markdown)…
export-feeders-csv = Tabla de lo que alimenta cada etapa (CSV)…
export-feeders-json = Lo que alimenta cada etapa (JSON)…
export-feeders-text = Lo que alimenta cada etapa (texto)…
export-matrix-csv = Matriz en CSV…
export-handout = Informe para los participantes (Markdown)…
export-svg = Mapa en SVG…
export-png = Mapa en PNG…
export-xlsx = Libro de Excel (elementos, conexiones, matriz)…
export-slides = Diapositivas de la presentación (PDF)…

## The SVG, PNG and PDF pictures (src/export/svg): also the legend-… messages above

svg-legend-title = Leyenda
svg-legend-strength = más gruesa: más fuerte · más tenue: menos segura
svg-legend-nature = Naturaleza (forma)
svg-legend-directness = Carácter directo (borde)
svg-legend-badges = Distintivos
svg-legend-categories = Categoría (relleno, y una muestra por categoría)
svg-counts = { $stages ->
    [one] 1 etapa de respuesta
   *[other] { $stages } etapas de respuesta
} · { $determinants ->
    [one] 1 determinante
   *[other] { $determinants } determinantes
} · { $influences ->
    [one] 1 influencia
   *[other] { $influences } influencias
}
svg-empty-map = Este mapa aún no tiene etapas ni determinantes.
svg-step-shows-nothing = Este paso no muestra nada del mapa.

## The command line (src/cli.rs, src/main.rs): in the language of LC_ALL, LC_MESSAGES or LANG.
## Flags, file keywords, CSV headings and JSON keys stay as they are: they are typed, not read.

cli-no-positions = { $file }: no tiene posiciones guardadas; se dibuja con la disposición en flujo
cli-no-such-stage = { $file }: ninguna etapa tiene el id o el nombre `{ $name }`; las etapas son: { $stages }
cli-nothing-to-export = nada que exportar: indique una o más de estas opciones: --determinants SALIDA.csv, --influences SALIDA.csv, --matrix SALIDA.csv, --report SALIDA.md, --svg SALIDA.svg, --png SALIDA.png, --slides SALIDA.pdf, --xlsx SALIDA.xlsx
cli-influences-required = --shape random requiere --influences
cli-influences-chain = --influences no corresponde a --shape chain: una cadena de N determinantes tiene N - 1 influencias y una hacia cada etapa
cli-generated-invalid = este mapa no se podría abrir, así que no se escribe: { $problem }
cli-all-valid = { $count ->
    [one] 1 archivo revisado: es un mapa válido
   *[other] { $count } archivos revisados: todos son mapas válidos
}
cli-cannot-read = { $file }: no se puede leer el archivo: { $error }
cli-not-formatted = { $file }: no está en el formato de guardado (ejecute `detmap fmt` sobre él)
cli-not-formatted-comments = { $file }: no está en el formato de guardado (tiene comentarios, que el formato de guardado no conserva) (ejecute `detmap fmt` sobre él)
cli-has-comments = { $at }: no se reescribió: el archivo tiene comentarios y el formato de guardado no los conserva; déjelo como está, o ejecute `detmap fmt --drop-comments` para reescribirlo sin ellos
cli-read-only = { $file }: no se reescribió: el archivo es de solo lectura (permita escribir en él para darle formato)
cli-rewritten = { $file }: reescrito
cli-stdout-failed = no se pudo escribir en la salida estándar
cli-could-not-save = no se pudo guardar { $file }
cli-note = nota: { $notice }
cli-imported = { $file }: { $stages ->
    [one] 1 etapa
   *[other] { $stages } etapas
}, { $determinants ->
    [one] 1 determinante
   *[other] { $determinants } determinantes
}, { $influences ->
    [one] 1 influencia
   *[other] { $influences } influencias
}
cli-nothing-imported = no se importó nada; { $file } no se escribió
cli-merge-invalid = el mapa combinado no sería válido (un error del programa; no se escribió nada):
    { $problems }
cli-output-is-input = { $flag } { $file } es el mapa que se exporta ({ $map }): escribirlo reemplazaría el mapa; elija otro archivo
cli-outputs-same-file = { $first_flag } { $first_file } y { $flag } { $file } son el mismo archivo: uno reemplazaría al otro; dé a cada uno su propio archivo
cli-window-failed = no se pudo abrir la ventana: { $error }
cli-no-window = esta versión no tiene ventana (se compiló sin la característica `gui`); use un subcomando, vea --help

## Problems of a map (src/model/validate.rs): the loader shows them at their line and column, the
## editor when it refuses an edit. Ids, categories and tags are quoted as the file has them.

problem-duplicate-node-id = { $kind ->
    [stage] id repetido `{ $id }`: ya lo tiene una etapa
   *[other] id repetido `{ $id }`: ya lo tiene un determinante
}
problem-stage-without-id = una etapa necesita un id no vacío
problem-determinant-without-id = un determinante necesita un id no vacío
problem-duplicate-source = id de fuente repetido `{ $id }`
problem-duplicate-category = la categoría `{ $category }` aparece dos veces
problem-unknown-source = la evidencia cita la fuente `{ $source }`, que no está entre las fuentes del mapa
problem-no-category = el determinante `{ $determinant }` no tiene categoría
problem-unknown-category = la categoría `{ $category }` del determinante `{ $determinant }` no está entre las categorías del mapa
problem-unknown-tag = la etiqueta `{ $tag }` del determinante `{ $determinant }` no está entre las etiquetas del mapa
problem-duplicate-influence-id = id repetido `{ $id }`
problem-influence-from-nothing = la influencia `{ $id }` parte de `{ $from }`, que no es un determinante de este mapa
problem-influence-from-stage = la influencia `{ $id }` parte de la etapa `{ $from }`: de las etapas no salen influencias
problem-influence-to-nothing = la influencia `{ $id }` llega a `{ $to }`, que no es un determinante ni una etapa de este mapa
problem-step-without-id = un paso necesita un id no vacío
problem-duplicate-step-id = id de paso repetido `{ $id }`: ya lo tiene otro paso
problem-empty-loop = el paso `{ $step }` muestra un bucle de retroalimentación sin determinantes
problem-step-names-other-kind = { $wanted ->
    [stage] { $kind ->
        [stage] el paso `{ $step }` nombra `{ $id }` como etapa, pero es una etapa
       *[other] el paso `{ $step }` nombra `{ $id }` como etapa, pero es un determinante
    }
   *[other] { $kind ->
        [stage] el paso `{ $step }` nombra `{ $id }` como determinante, pero es una etapa
       *[other] el paso `{ $step }` nombra `{ $id }` como determinante, pero es un determinante
    }
}
problem-step-names-nothing = { $wanted ->
    [stage] el paso `{ $step }` nombra `{ $id }`, que no es una etapa de este mapa
   *[other] el paso `{ $step }` nombra `{ $id }`, que no es un determinante de este mapa
}
problem-step-unknown-category = el paso `{ $step }` filtra por la categoría `{ $category }`, que no está entre las categorías del mapa
problem-step-unknown-tag = el paso `{ $step }` filtra por la etiqueta `{ $tag }`, que no está entre las etiquetas del mapa
problem-too-many-steps = más de { $limit } pasos: una presentación tiene como máximo { $limit } pasos
problem-too-many-stages = más de { $limit } etapas: un mapa tiene como máximo { $limit } etapas de respuesta (un estudio tiene unas pocas)
problem-control-character = { $name ->
    [nul] este texto contiene un carácter de control ({ $code }, NUL) en el carácter { $at }: un texto puede contener tabulaciones y saltos de línea, pero ningún otro carácter de control
    [cr] este texto contiene un carácter de control ({ $code }, un retorno de carro sin salto de línea) en el carácter { $at }: un texto puede contener tabulaciones y saltos de línea, pero ningún otro carácter de control
    [esc] este texto contiene un carácter de control ({ $code }, ESC) en el carácter { $at }: un texto puede contener tabulaciones y saltos de línea, pero ningún otro carácter de control
    [del] este texto contiene un carácter de control ({ $code }, DEL) en el carácter { $at }: un texto puede contener tabulaciones y saltos de línea, pero ningún otro carácter de control
   *[other] este texto contiene un carácter de control ({ $code }) en el carácter { $at }: un texto puede contener tabulaciones y saltos de línea, pero ningún otro carácter de control
}
problem-position-beyond = la posición ({ $x }, { $y }) está fuera del lienzo: una coordenada está como máximo a { $limit } del origen

## Loading a map file (src/format): what is wrong, at its line and column

load-cannot-read = no se puede leer el archivo: { $error }
load-is-folder = es una carpeta, no un archivo de mapa
load-not-regular = no es un archivo común (es un dispositivo, una tubería o un socket), así que no es un archivo de mapa
load-not-utf8 = el archivo no es texto UTF-8: no es un archivo de mapa, o su codificación está dañada
load-empty = el archivo está vacío: se esperaba un mapa `( format_version: { $version }, … )`
load-more-problems = { $count ->
    [one] … y 1 problema más, no listado: corrija primero los de arriba
   *[other] … y { $count } problemas más, no listados: corrija primero los de arriba
}
load-zero-bytes = { $count ->
    [one] el archivo parece dañado: contiene aquí un byte cero (NUL), como los que deja un corte de luz o una falla mientras se escribía; abra en su lugar una copia de respaldo o de recuperación (un archivo de mapa nunca contiene bytes cero)
   *[other] el archivo parece dañado: contiene aquí { $shown } bytes cero (NUL) seguidos, como los que deja un corte de luz o una falla mientras se escribía; abra en su lugar una copia de respaldo o de recuperación (un archivo de mapa nunca contiene bytes cero)
}
load-layout-unknown = la disposición (`layout`) ubica `{ $id }`, que no es una etapa ni un determinante de este mapa
load-layout-twice = `{ $id }` está ubicado dos veces en la disposición (`layout`)
load-newer-version = este mapa se escribió con el formato de archivo { $found } en una versión más reciente de Determinant Mapper; esta versión lee el formato { $reads }: actualice la aplicación para abrirlo
load-unknown-version = versión de formato de archivo desconocida { $found }: esta versión lee el formato { $reads }
load-missing-version = falta `format_version`: un archivo de mapa comienza con `( format_version: { $version }, …`
load-eof = el archivo termina antes de tiempo: falta cerrar un paréntesis, un corchete o unas comillas
load-missing-field-in = falta el campo `{ $field }` en { $what }
load-missing-field = falta el campo `{ $field }`
load-position-moved = `position` no es un campo de { $what } desde el formato de archivo 2: las posiciones se listan en `layout` al final del archivo, p. ej. `layout: [(id: "d1", x: 120.0, y: 40.0)]`
load-unknown-field-in = campo desconocido `{ $field }` en { $what }: se esperaba uno de { $expected }
load-unknown-field = campo desconocido `{ $field }`: se esperaba uno de { $expected }
load-unknown-value = `{ $value }` no es un valor permitido aquí: se esperaba uno de { $expected }
load-duplicate-field = el campo `{ $field }` aparece dos veces
load-expected-text = aquí se esperaba un texto entre comillas dobles, p. ej. "Sociedad civil"
load-text-not-closed = falta cerrar las comillas dobles de un texto
load-expected-number = aquí se esperaba un número
load-expected-list = aquí se esperaba una lista `[ … ]`
load-expected-list-end = se esperaba `,` o el `]` que cierra esta lista
load-expected-comma = se esperaba una `,` entre elementos
load-expected-item-end = se esperaba `,` o el `)` que cierra este elemento
load-expected-map = se esperaba `(` al comienzo de un mapa: un archivo de mapa comienza con `( format_version: { $version }, …`
load-expected-item = se esperaba `(` al comienzo de { $what }
load-trailing = hay texto inesperado después del final del mapa
load-comment-not-closed = falta cerrar un comentario `/*`
load-too-deep = hay valores anidados a más de { $limit } niveles de profundidad: esto no es un archivo de mapa
load-type = { $name ->
    [Map] el mapa
    [Influence] una influencia
    [Evidence] una evidencia
    [Focus] el foco de un paso
    [Determinant] un determinante
    [Stage] una etapa
    [Source] una fuente
    [Category] una categoría
    [Step] un paso
    [Filters] los filtros de un paso
    [Placement] una ubicación de la disposición
    [Position] una posición
   *[other] un elemento `{ $lower }`
}
save-too-large = el mapa sería un archivo de { $size } bytes; un archivo de mapa tiene un límite de { $limit } bytes (256 MiB)
save-problem-and-more = { $count ->
    [one] { $path }: { $problem } (y 1 problema más)
   *[other] { $path }: { $problem } (y { $count } problemas más)
}

## Importing a spreadsheet (src/import): each problem at its file, sheet, row and column

import-id-taken = el id `{ $id }` ya lo usa otro elemento o conexión
import-source-without-id = una fuente necesita un ID
import-source-twice = la fuente `{ $source }` aparece dos veces
import-not-a-colour = `{ $value }` no es un color: se esperaba #rrggbb, p. ej. #4e79a7
import-category-twice = la categoría `{ $category }` aparece dos veces
import-no-label = el elemento no tiene nombre
import-stage-has-no = una etapa de respuesta no tiene { $heading }: vacíe la celda, o haga de la fila un determinante (Type)
import-id-too-long = el id tiene { $bytes } bytes; los id tienen un límite de { $limit }
import-id-used-by = el id `{ $id }` ya lo usa "{ $label }"
import-id-used-by-at = el id `{ $id }` ya lo usa "{ $label }" (fila { $row })
import-label-ambiguous = { $count } elementos se llaman "{ $name }" (filas { $rows }): identifíquelo por su ID
import-connection-names-nothing = la conexión no nombra ningún elemento aquí
import-no-such-label = ningún elemento se llama "{ $name }"
import-from-stage = "{ $stage }" es una etapa de respuesta: las influencias solo salen de determinantes
import-uncategorised = { $count ->
    [one] 1 determinante no indica categoría (no hay columna Category, o la celda está vacía): se le asignó la categoría "{ $category }"
   *[other] { $count } determinantes no indican categoría (no hay columna Category, o la celda está vacía): se les asignó la categoría "{ $category }"
}
import-unplaced = { $count ->
    [one] 1 elemento no tiene X e Y (de { $total }): todo el mapa se dispone con la disposición en flujo
   *[other] { $count } elementos no tienen X e Y (de { $total }): todo el mapa se dispone con la disposición en flujo
}
import-columns-same = dos columnas significan lo mismo: `{ $heading }` aquí y `{ $other }` en la columna { $column }; conserve una
import-columns-unknown = columnas no reconocidas, guardadas en las notas como `columna: valor`: { $columns }
import-no-label-column = no hay columna Label: una hoja de elementos necesita una columna con el encabezado Label
import-no-from-to-column = no hay columna { $column }: una hoja de conexiones necesita columnas con los encabezados From y To
import-xls = un archivo .xls (Excel 97-2003): guárdelo como .xlsx e importe ese
import-not-a-spreadsheet = no es una hoja de cálculo que detmap importe: indique un libro .xlsx u .ods, o archivos .csv
import-not-regular = no es un archivo común
import-too-large = el archivo tiene { $size } MB; los mapas tienen un límite de { $limit } MB
import-nothing = nada que importar: indique un libro o archivos CSV
import-empty-file = el archivo está vacío
import-no-elements = no hay elementos ni conexiones que importar
import-neither-table = no es una tabla de elementos (una columna Label) ni una tabla de conexiones (columnas From y To)
import-sheet-skipped = la hoja `{ $sheet }` no se importa: no es la hoja de elementos ni la de conexiones
import-cell-too-long = la celda contiene { $size } KB de texto; los textos de un mapa tienen un límite de { $limit } KB
import-too-many-rows = la hoja tiene más de { $limit } filas; las listas de un mapa tienen un límite de { $limit } elementos
import-value-without-heading = hay un valor en la columna { $column }, que no tiene encabezado: dele un encabezado a la columna (fila { $row }) o vacíela
import-csv-not-utf8 = el archivo no es texto UTF-8: guárdelo como "CSV UTF-8" e impórtelo de nuevo
import-cannot-read-csv = no se puede leer el CSV: { $error }
import-cell-error = la celda contiene el error de hoja de cálculo { $error }
import-cannot-read-workbook = no se puede leer el libro: { $error }
import-evidence-no-source = la evidencia de la línea { $line } de la celda no nombra una fuente: escriba `fuente | ubicación | paráfrasis`
import-bad-value = { $axis ->
    [locus] `{ $value }` no es un ámbito válido: se esperaba { $allowed }
    [directness] `{ $value }` no es un carácter directo válido: se esperaba { $allowed }
    [nature] `{ $value }` no es una naturaleza válida: se esperaba { $allowed }
    [effect] `{ $value }` no es un efecto válido: se esperaba { $allowed }
    [sign] `{ $value }` no es un signo válido: se esperaba { $allowed }
    [strength] `{ $value }` no es una intensidad válida: se esperaba { $allowed }
    [confidence] `{ $value }` no es una confianza válida: se esperaba { $allowed }
   *[other] `{ $value }` no es un valor válido de { $axis }: se esperaba { $allowed }
}

## The hand-out report (src/export/handout.rs, Markdown: keep its ** and * marks)

handout-intro = Este informe fue elaborado por Determinant Mapper a partir del mapa: { $stages ->
    [one] 1 etapa de respuesta
   *[other] { $stages } etapas de respuesta
}, { $determinants ->
    [one] 1 determinante
   *[other] { $determinants } determinantes
}, { $influences ->
    [one] 1 influencia
   *[other] { $influences } influencias
}.
handout-how-to-read = Cómo leerlo
handout-read-direct = Un determinante alimenta una etapa **directamente** cuando una influencia va de él a la etapa sin intermediarios, e **indirectamente** cuando llega a la etapa solo a través de otros determinantes. La **distancia** es el número de influencias del camino más corto.
handout-read-signs = Los signos se multiplican a lo largo de un camino: un determinante que obstaculiza algo que obstaculiza una etapa la facilita. El **efecto neto** es *facilita* u *obstaculiza*, o *mixto* cuando llegan a la etapa caminos de ambos signos.
handout-read-coding = La **codificación** (ámbito, carácter directo, naturaleza, efecto) es la de los investigadores; los grupos *directo* e *indirecto* de más abajo son la estructura del mapa. Donde ambas no coinciden, el informe da una sugerencia al final.
handout-read-confidence = Las influencias llevan la **confianza** que les asigna el estudio: *alta* donde afirma el vínculo (o no se indica confianza), *media*, o *baja* donde solo lo sugiere. Un camino es tan seguro como su vínculo más débil, y lo que un determinante aporta a una etapa, como su camino más seguro; si descansa solo en vínculos de confianza baja, se marca como **provisional**.
handout-strongest-low = Confianza más alta: baja, por lo tanto **provisional**: todo camino desde él descansa en un vínculo que el estudio solo sugiere.
handout-strongest-medium = Confianza más alta: media.
handout-read-evidence = Cada paso de un camino se respalda con la evidencia registrada para esa influencia, citada por su fuente (las fuentes se listan al final).
handout-presentation = Presentación
handout-told-in = { $count ->
    [one] El mapa se presenta en 1 paso; las diapositivas (`detmap export --slides`) tienen una página para cada uno.
   *[other] El mapa se presenta en { $count } pasos; las diapositivas (`detmap export --slides`) tienen una página para cada uno.
}
handout-step = Paso { $number }: { $title }
handout-stage = Etapa { $number }: { $stage }
handout-stages-it-shows = Etapas que muestra: { $stages }.
handout-step-link = paso { $number } ({ $title })
handout-shown-in = Se muestra en la presentación: { $steps }.
handout-no-feeders = Ningún determinante alimenta esta etapa.
handout-fed-directly = La alimentan directamente ({ $count })
handout-fed-indirectly = La alimentan indirectamente ({ $count })
handout-feeder = Efecto neto **{ $net }**, distancia { $distance }. Codificado: { $coding }. Categoría: { $categories }.
handout-not-coded = { $axis ->
    [locus] ámbito sin codificar
    [directness] carácter sin codificar
   *[nature] naturaleza sin codificar
}
handout-pressure-points = Puntos de presión
handout-structural-none = Según la estructura: ninguno; ningún determinante está en todos los caminos de otro hacia esta etapa.
handout-structural = Según la estructura: **{ $determinant }**; todo camino hacia esta etapa desde { $feeders } pasa por él.
handout-structural-also-coded = Según la estructura: **{ $determinant }** (codificado además como punto de presión); todo camino hacia esta etapa desde { $feeders } pasa por él.
handout-structural-more = Según la estructura: { $count } más, cada uno con tantos dependientes como el último de arriba, o menos (solo se listan los primeros { $limit }).
handout-coded-none = Codificados por los investigadores: ninguno de los determinantes que alimentan esta etapa.
handout-coded = Codificados por los investigadores: { $determinants }.
handout-and = { $first } y { $last }
handout-and-others = { $count ->
    [one] { $first } y 1 determinante más
   *[other] { $first } y { $count } determinantes más
}
handout-overview = Resumen
handout-no-stages = El mapa no tiene etapas de respuesta.
handout-overview-header = | # | Etapa | Determinantes | Directos | Indirectos | Facilitan | Obstaculizan | Mixtos |
handout-more-steps = { $count ->
    [one] 1 paso más
   *[other] { $count } pasos más
}
handout-path = Camino: { $path }
handout-path-that = Camino que { $sign }: { $path }
handout-path-long = El camino tiene { $count } pasos; solo se muestran los primeros y los últimos { $ends }.
handout-left-out = { $count ->
    [one] … se omite 1 paso …
   *[other] … se omiten { $count } pasos …
}
handout-evidence-above = Evidencia: la indicada más arriba para este paso.
handout-strength = intensidad { $level }
handout-confidence = confianza { $level }
handout-rated = Valoración: { $ratings }.
handout-note = Nota: { $note }
handout-no-evidence = Evidencia: no hay evidencia registrada.
handout-evidence = Evidencia ({ $source }): { $paraphrase }
handout-evidence-at = Evidencia ({ $source }, *{ $location }*): { $paraphrase }
handout-loops = Bucles de retroalimentación
handout-no-loops = El mapa no tiene bucles de retroalimentación.
handout-loops-intro = Un bucle es *reforzador* cuando tiene un número par de influencias obstaculizadoras (se amplifica a sí mismo) y *compensador* cuando es impar (se amortigua a sí mismo).
handout-loops-truncated = Solo se listan los primeros { $limit } bucles; el mapa tiene más.
handout-hints = Donde la codificación y la estructura no coinciden
handout-no-hints = Nada: cada determinante codificado como directo tiene una influencia que entra directamente en una etapa, y cada determinante alimenta al menos una etapa.
handout-hints-intro = Son sugerencias, no errores: la codificación es la del estudio, y al mapa puede faltarle una influencia que el estudio supone.
handout-sources = Fuentes

## Saving and exporting in the window: the status bar, the banner, the file dialogs' titles

dialog-open-map = Abrir un mapa
dialog-save-map-as = Guardar el mapa como
status-sample-unreadable = No se pudo leer el ejemplo { $name }.
status-not-saved-changed = No se guardó: { $file } cambió en el disco desde que se abrió o se guardó aquí.
status-not-saved-comments = Aún no se ha guardado: { $file } tiene comentarios escritos a mano, que se perderían al guardar.
status-not-saved = No se guardó.
status-saved-to = Guardado en { $file }
status-not-saved-because = No se guardó: { $cause }
status-exported = Exportado a { $file }
status-not-exported-because = No se exportó: { $cause }
status-not-done = No se hizo: { $why }
problem-save-advice = Sus cambios siguen aquí, sin guardar: pruebe Guardar como… para conservarlos en otro lugar.
problem-could-not-export = No se pudo exportar { $file }: { $cause }
problem-nothing-written-kept = No se escribió nada: el archivo en el disco está como estaba.
problem-nothing-written = No se escribió nada.
window-title-unsaved = ● { $name } (cambios sin guardar) — Determinant Mapper

## Recovery offer

recovery-title = ¿Restaurar los cambios sin guardar?
recovery-broken-title = No se puede abrir una copia de recuperación
recovery-broken-intro = Determinant Mapper guardó una copia de un mapa con cambios sin guardar, pero la copia no se abre como mapa:
recovery-after-crash = Determinant Mapper se detuvo por un error mientras este mapa tenía cambios sin guardar. Guardó una copia al detenerse.
recovery-after-stop = Determinant Mapper se cerró sin guardar este mapa (se detuvo el programa o el computador). Se guardó una copia pocos segundos después del último cambio.
recovery-original-changed = El archivo cambió desde la última vez que este mapa se abrió o se guardó en Determinant Mapper (lo guardó otro programa, otra ventana o un colega). Restaurar y luego guardar reemplazaría esos cambios: considere Guardar como… después de restaurar.
recovery-restore-explained = Restaurar abre la copia con sus cambios sin guardar; Guardar la escribe luego en el archivo indicado arriba. Descartar elimina la copia.
recovery-broken-explained = La copia es un archivo de texto: puede repararse en un editor de texto (se ofrece de nuevo en el próximo inicio) o abrirse ahí para rescatar lo necesario. Descartar la elimina.
recovery-more = { $count ->
    [one] Queda 1 copia de recuperación más: cada una se ofrece por turno, tras Descartar aquí o en el próximo inicio.
   *[other] Quedan { $count } copias de recuperación más: cada una se ofrece por turno, tras Descartar aquí o en el próximo inicio.
}
recovery-restore = Restaurar
recovery-discard = Descartar
recovery-later = Decidir después
recovery-keep = Conservarla
recovery-later-hint = Conservar la copia y volver a preguntar en el próximo inicio
recovery-map = Mapa
recovery-map-counts = { $determinants }, { $influences }, { $stages }
recovery-problem = Problema
recovery-more-lines = y { $count } líneas más
recovery-belongs-to = Pertenece a
recovery-no-file = ningún archivo: aún no se había guardado
recovery-saved = Guardada
recovery-unknown = desconocido
recovery-copy = Copia

## Help and About

about-title = Acerca de Determinant Mapper
about-version = Determinant Mapper { $version }
about-what = Dibuje y analice mapas de determinantes: qué impulsó u obstaculizó la respuesta de un país a un problema de política pública, cómo se influyen esos factores entre sí y qué etapa de la respuesta alimenta cada uno.
about-font = Tipografía de la interfaz: Inter (SIL Open Font License).
gesture-new-determinant = Nuevo determinante
gesture-new-determinant-how = Doble clic en un espacio vacío del lienzo
gesture-rename = Renombrar en el mapa
gesture-rename-how = Doble clic en un determinante o una etapa
gesture-rename-typing = Renombrar escribiendo
gesture-rename-typing-how = Seleccione un determinante o una etapa y escriba; las letras solas nunca ejecutan un comando
gesture-new-influence = Nueva influencia
gesture-new-influence-how = Arrastre desde el punto del borde derecho de un determinante, o Ctrl+arrastre desde él
gesture-select = Seleccionar
gesture-select-how = Clic; Mayús+clic agrega o quita
gesture-select-box = Seleccionar con un recuadro
gesture-select-box-how = Mayús+arrastrar (agrega) o Ctrl+arrastrar en el lienzo vacío
gesture-move = Mover
gesture-move-how = Arrastre un nodo; un nodo seleccionado mueve toda la selección
gesture-pan = Desplazar la vista
gesture-pan-how = Arrastre en el lienzo vacío, o arrastre con el botón central
gesture-zoom = Zoom
gesture-zoom-how = Rueda del mouse o gesto de pellizco
gesture-open = Abrir un archivo
gesture-open-how = Suelte un archivo .ron sobre la ventana
drop-hint = Suelte un archivo de mapa .ron para abrirlo
recovery-date-format = %d-%m-%Y a las %H:%M
recovery-when = { $date } ({ $ago })
recovery-ago-seconds = hace menos de un minuto
recovery-ago-minutes = { $count ->
    [one] hace 1 minuto
   *[other] hace { $count } minutos
}
recovery-ago-hours = { $count ->
    [one] hace 1 hora
   *[other] hace { $count } horas
}
recovery-ago-days = { $count ->
    [one] hace 1 día
   *[other] hace { $count } días
}

## Presentation steps

command-next-step = Paso siguiente
command-previous-step = Paso anterior
presentation-step = Paso { $number } de { $count }

## Canvas: a knocked-out determinant's effect on a stage

canvas-loses-enablers = { $count ->
    [one] pierde 1 habilitador
   *[other] pierde { $count } habilitadores
}
canvas-loses-all-enabling = pierde todo su apoyo habilitador

## The steps panel: building the presentation

command-toggle-steps = Pasos de la presentación
steps-heading = Pasos de la presentación
steps-intro = El relato que usted presenta a la sala, paso a paso. Prepare la vista (haga clic en una etapa o un determinante con el análisis abierto, filtre, excluya) y agréguela como paso.
steps-add = Agregar paso desde la vista
steps-add-hint = Un paso nuevo con lo que el mapa muestra ahora: el foco del análisis, la exclusión y los filtros
steps-none = Aún no hay pasos.
steps-title = Título
steps-title-hint = Enter conserva el título
steps-up = Subir
steps-down = Bajar
steps-delete = Eliminar paso
steps-play = Presentar desde este paso
steps-play-hint = Modo presentación desde este paso (→ y ← recorren los pasos, Esc sale)
steps-note = Nota para la sala
steps-reveal = Revelar el mapa paso a paso
steps-reveal-hint = Solo se dibuja lo que muestran este paso y los anteriores; el resto aparece a medida que avanza el relato
step-title-whole-map = El mapa completo
step-title-without = Sin { $determinant }
step-title-stage = Qué alimenta a { $stage }
step-title-stage-direct = Qué alimenta directamente a { $stage }
step-title-stage-hindering = Qué obstaculiza a { $stage }
step-title-determinant = Qué etapas alimenta { $determinant }
step-title-path = Por qué { $determinant } alimenta a { $stage }
step-title-loop = Un bucle de retroalimentación que pasa por { $determinant }
step-shows-without = sin { $determinant }
step-shows-filters = { $count ->
    [one] 1 filtro
   *[other] { $count } filtros
}
step-shows-reveal = revela el mapa paso a paso

canvas-knocked-out = excluido
## Canvas: what a comparison found removed, drawn dashed where the other map had it
canvas-removed = eliminado

## Status lines of recovery, pasting, the file dialogs, import, merge and comparison

status-autosave-off = El guardado automático está desactivado: { $why }
status-recovery-not-removed = No se pudo eliminar la copia de recuperación: { $error }
status-restored-to = Restaurado. Guardar lo escribe en { $file }
status-restored-no-file = Restaurado. Aún no tiene archivo: Guardar preguntará dónde conservarlo
status-restored-copy-stays = Restaurado, pero la copia queda en { $file } ({ $error }); esta ventana mantiene la suya
status-not-deleted = No se pudo eliminar { $file }: { $error }
status-paste-broken-map = El portapapeles contiene un archivo de mapa que no se puede abrir, así que no se pegó nada.
status-dialog-already-open = Ya hay un diálogo de archivos abierto.
dialog-import-spreadsheet = Importar una hoja de cálculo
dialog-merge-map = Combinar un mapa con este
dialog-compare-map = Comparar este mapa con
status-imported = Se importó { $file }: { $determinants }, { $influences }, { $stages }.
status-more-notes = { $count ->
    [one] (y 1 nota más)
   *[other] (y { $count } notas más)
}
status-not-merged = No se combinó.
status-not-merged-because = No se combinó: { $problem }
status-merged = Se combinó { $file }: { $added ->
    [one] 1 elemento agregado
   *[other] { $added } elementos agregados
}, { $conflicts ->
    [0] sin conflictos
    [one] 1 conflicto por revisar
   *[other] { $conflicts } conflictos por revisar
}.
status-item-gone = No se hizo: { $item } ya no está en el mapa.
status-compared-same = Este mapa dice lo mismo que { $file }.
status-compared-differences = { $count ->
    [one] 1 diferencia
   *[other] { $count } diferencias
} respecto de { $file }.

## The reachability report (detmap analyze, text and Markdown; CSV and JSON are machine formats)

report-stage-feeders = { $stage } ({ $id }): { $count ->
    [one] la alimenta 1 determinante
   *[other] la alimentan { $count } determinantes
} ({ $enable ->
    [one] 1 facilita
   *[other] { $enable } facilitan
}, { $hinder ->
    [one] 1 obstaculiza
   *[other] { $hinder } obstaculizan
}, { $mixed ->
    [one] 1 mixto
   *[other] { $mixed } mixtos
})
report-via = vía { $path }
report-confidence = confianza { $level ->
    [low] baja
    [medium] media
    [high] alta
   *[other] { $level }
}
report-feeding-no-stage = No alimentan ninguna etapa
report-feeding-no-stage-list = No alimentan ninguna etapa: { $list }
report-table-head = | distancia | efecto neto | determinante | camino | confianza más alta |

## What a presentation step shows, under its title on a slide and in the hand-out

caption-whole-map = El mapa completo
caption-stage = Qué alimenta a { $stage }
caption-stage-direct = Qué alimenta a { $stage } (solo lo que la alimenta directamente)
caption-stage-hindering = Qué alimenta a { $stage } (lo que la obstaculiza)
caption-determinant = Qué etapas alimenta { $determinant }
caption-path = Por qué { $determinant } alimenta a { $stage }
caption-loop = Un bucle de retroalimentación: { $names }
caption-without = sin { $determinant } (excluido)
caption-only = solo { $filters }

## What a new node, category or map is called when the user makes it: made in the language of the
## moment, it is map content from then on (src/app/apply)

new-determinant-label = Nuevo determinante
new-stage-label = Nueva etapa
new-category-name = Sin categoría
new-map-title = Mapa sin título

## A presentation step's filters, inside its caption after "only" (src/export/words.rs): the
## determinants they keep. "locus not coded" and so on are handout-not-coded.

caption-filter-internal = internos
caption-filter-external = externos
caption-filter-direct = directos
caption-filter-indirect = indirectos
caption-filter-structural = estructurales
caption-filter-pressure-point = puntos de presión
caption-filter-enablers = habilitadores
caption-filter-hinders = obstaculizadores
caption-filter-category = categoría { $category }
caption-filter-tag = etiqueta { $tag }

## The SVG's tooltips (a browser shows them over an influence); a determinant's tooltip is its
## label, its coding (coded-…) and its categories

svg-tooltip-enables = { $from } facilita { $to }
svg-tooltip-hinders = { $from } obstaculiza { $to }

## Numbers, and the reachability report's long paths (src/export/report.rs)

# Between groups of three digits: 1.234.567.
number-thousands-separator = .
# The middle of a long path, left out; $shown is $count with its digits grouped.
report-omitted = … { $shown } más …

## The loader's limits (src/format/limits.rs); a list of the file is named by its keyword
## ($field: determinants, influences, layout…)

load-id-too-long = este id tiene { $size } bytes; un id es una clave corta y su límite es de { $limit } bytes
load-text-too-long = este texto tiene { $size } bytes; el límite de un texto en un mapa es de { $limit } bytes (64 KiB)
load-list-too-long-field = { $field ->
    [layout] más de { $max } posiciones en la disposición (`layout`)
   *[other] más de { $max } elementos en `{ $field }`
}: un mapa admite como máximo { $max } elementos en una lista
load-list-too-long = esta lista tiene más de { $max } elementos, el máximo que admite una lista
load-too-many-items = el mapa tiene más de { $max } elementos de lista en total (determinantes, influencias, sus categorías, etiquetas y evidencia…), el máximo que admite un mapa
load-not-a-coordinate = `{ $value }` no es una coordenada utilizable: se esperaba un número finito, p. ej. 120.0
load-beyond-canvas = `{ $value }` está fuera del lienzo: una coordenada está como máximo a { $max } del origen, p. ej. 120.0
load-file-too-large = el archivo tiene { $size } bytes; el límite de un archivo de mapa es de { $limit } bytes (256 MiB)

## The file dialogs' filters: the kind of file they show

file-type-map = Mapa de determinantes
file-type-spreadsheet = Hoja de cálculo
file-type-csv = CSV
file-type-markdown = Markdown
file-type-json = JSON
file-type-text = Texto
file-type-svg = SVG
file-type-png = PNG
file-type-xlsx = Libro de Excel
file-type-pdf = PDF

## The command line's --help (src/cli/help.rs): cli-help-<command>-about, cli-help-<command>-arg-<flag>,
## cli-value-<flag>-<value>. English is the doc comments' text (a test compares them). Flags, value
## names and values (text, csv, a4…) are typed, not read: they stay.

cli-help-about = Determinant Mapper: dibujar y analizar mapas de determinantes
cli-help-arg-file = Un mapa para abrir en la ventana; sin él, la ventana se abre en su pantalla de inicio
cli-help-validate-about = Revisar archivos de mapa; imprime una línea por problema como ARCHIVO:LÍNEA:COL: mensaje
cli-help-validate-arg-files = Los archivos de mapa que se revisarán
cli-help-analyze-about = Qué determinantes alimentan cada etapa, a qué distancia, con qué efecto neto, y un camino
cli-help-analyze-arg-file = El mapa que se analizará
cli-help-analyze-arg-stage = Solo esta etapa (su id o su nombre)
cli-help-analyze-arg-min-confidence = Analizar solo las influencias de al menos esta confianza (una influencia sin confianza indicada cuenta como alta): lo que dice el mapa sobre los vínculos que el estudio afirma
cli-help-export-about = Escribir las tablas del mapa, su matriz determinante × etapa, un informe para los participantes o su imagen (`-` para la salida estándar)
cli-help-export-arg-file = El mapa desde el cual exportar
cli-help-export-arg-determinants = Los determinantes en CSV: id,label,category,locus,directness,nature,effect,tags
cli-help-export-arg-influences = Las influencias en CSV: from,from_label,to,to_label,sign
cli-help-export-arg-matrix = La matriz determinante × etapa en CSV: una fila por determinante, una columna por etapa, celdas como `1:enables` o `3:mixed` (distancia y efecto neto), vacías donde no alimenta la etapa
cli-help-export-arg-report = Un informe en Markdown para los participantes: por etapa, lo que la alimenta directa e indirectamente, con signos, codificación y evidencia; puntos de presión; bucles de retroalimentación; dónde la codificación y la estructura no coinciden
cli-help-export-arg-svg = El mapa como imagen SVG, con su leyenda
cli-help-export-arg-png = El mapa como imagen PNG, con su leyenda
cli-help-export-arg-slides = Diapositivas en PDF: una página horizontal por cada paso de la presentación del mapa (su título, su nota, el mapa encuadrado en lo que muestra el paso y la leyenda); un mapa sin pasos da una página con el mapa completo
cli-help-export-arg-page = El tamaño de papel de las diapositivas, en horizontal
cli-help-export-arg-xlsx = El mapa como libro .xlsx con la estructura que `detmap import` vuelve a leer: una hoja Elements (etapas y determinantes con su codificación), una hoja Connections, la matriz, y las categorías, fuentes y título
cli-help-export-arg-min-confidence = Exportar solo las influencias de al menos esta confianza (una influencia sin confianza indicada cuenta como alta), en las tablas, el análisis y la imagen
cli-help-export-arg-width = Ancho del PNG en píxeles
cli-help-export-arg-layout = Dónde dibujan los nodos el SVG y el PNG: donde el mapa los guardó, o con una disposición automática (el archivo no cambia). Un mapa sin posiciones guardadas se dibuja con la disposición en flujo
cli-help-fmt-about = Reescribir archivos de mapa con la estructura con que los guarda la aplicación (campos en orden, un elemento por bloque)
cli-help-fmt-arg-files = Los archivos de mapa que se reescribirán (o, con --check, que se revisarán)
cli-help-fmt-arg-check = No cambiar nada; termina con código 1 si un archivo aún no tiene esa estructura
cli-help-fmt-arg-drop-comments = Reescribir también los archivos que tienen comentarios; la estructura guardada no tiene lugar para ellos, así que se eliminan. Sin esta opción, ese archivo queda como está y se informa
cli-help-generate-about = Escribir un mapa sintético válido en la salida estándar, el mismo para la misma semilla
cli-help-generate-arg-influences = Cuántas influencias traza la forma `random` (obligatorio para ella; la cadena tiene las suyas)
cli-help-import-about = Crear un mapa a partir de hojas de cálculo: un libro .xlsx u .ods (de Kumu, de PRSM o uno escrito en la sala), o archivos CSV (una tabla de elementos y una de conexiones). Cada problema se indica con su hoja, fila y columna, y entonces no se escribe nada
cli-help-merge-about = Combinar mapas (las copias de un mismo mapa de los grupos de trabajo): todo lo de cada entrada una vez, con el valor de la primera entrada donde difieren, una línea por conflicto. Termina con código 0 sin conflictos, 1 con conflictos (el mapa combinado se escribe de todos modos), 2 ante un error
cli-help-diff-about = Qué cambió entre dos mapas: etapas, determinantes e influencias agregadas, eliminadas y modificadas. Termina con código 0 cuando dicen lo mismo, 1 cuando difieren, 2 ante un error
cli-help-diff-arg-layout = Contar como diferencias las etapas y determinantes movidos (si no, las posiciones se ignoran)
cli-value-format-text = Para leer en una terminal
cli-value-format-csv = Una fila por etapa y determinante que la alimenta
cli-value-diff-format-text = Una línea por cambio
cli-value-diff-format-json = Una lista JSON de cambios: {"{"}change, kind, id, item, field, before, after{"}"}
cli-value-shape-random = Influencias entre determinantes al azar y hacia etapas al azar, con bucles
cli-value-shape-chain = Cada determinante influye en el siguiente; el último influye en todas las etapas: los caminos más largos que puede tener un mapa de ese tamaño
cli-value-page-a4 = 297 × 210 mm
cli-value-page-letter = 11 × 8,5 pulgadas
cli-value-layout-saved = Donde las tiene el archivo del mapa
cli-value-layout-flow = Las etapas en una columna a la derecha; los determinantes más alejados de ellas, más a la izquierda
cli-value-layout-force = Dirigida por fuerzas, a partir de las posiciones guardadas
cli-help-flag = Mostrar la ayuda
cli-help-flag-short = Mostrar la ayuda (más detalle con '--help')
cli-help-flag-long = Mostrar la ayuda (un resumen con '-h')
cli-version-flag = Mostrar la versión
cli-help-command = Mostrar este mensaje o la ayuda de los subcomandos indicados
# The headings of a help page (English keeps clap's own).
cli-heading-usage = Uso:
cli-heading-commands = Comandos
cli-heading-arguments = Argumentos
cli-heading-options = Opciones

## Why the editor refused an edit (after status-not-done), and pasting lines (src/app/edit.rs)

refused-only-category = `{ $category }` es la única categoría de `{ $determinant }`, y un determinante conserva al menos una
refused-influence-from-stage = una influencia no puede partir de una etapa: las etapas son donde llegan las influencias
refused-influence-same-ends = una influencia necesita dos extremos distintos
refused-no-such-category = no existe esa categoría
refused-category-needs-name = una categoría necesita un nombre
refused-category-in-use = la categoría `{ $category }` todavía la usa `{ $determinant }`
refused-no-such-stage = no existe esa etapa
refused-item-gone = el elemento ya no existe
paste-no-text = El portapapeles no tiene texto para pegar.
paste-too-many-lines = El portapapeles tiene { $count } líneas; un pegado crea como máximo { $max } determinantes. No se pegó nada: copie menos líneas.
paste-line-too-long = La línea { $line } del portapapeles tiene { $length } caracteres; un nombre pegado admite como máximo { $max } caracteres. No se pegó nada.
paste-added-lines = { $count ->
    [one] Se agregó 1 determinante a partir de la línea pegada.
   *[other] Se agregaron { $count } determinantes, uno por cada línea pegada.
}

## The layouts' status lines (src/app/apply/layouts.rs); $layout is command-flow-layout or command-force-layout

status-force-layout-too-big = La disposición por fuerzas es para mapas de hasta { $max } etapas y determinantes; este tiene { $count }. La disposición en flujo sirve para cualquier tamaño.
status-layout-in-place = { $layout }: todo ya está en su lugar.
status-layout-moved = { $layout }: { $count ->
    [one] se movió 1 elemento
   *[other] se movieron { $count } elementos
} (Deshacer los devuelve a su lugar).

## When a recovery copy was saved (the recovery offer; src/app/recovery/copy.rs)

recovery-saved-when = { $weekday } { $day } de { $month } de { $year }, a las { $time }
recovery-weekday = { $day ->
    [1] lunes
    [2] martes
    [3] miércoles
    [4] jueves
    [5] viernes
    [6] sábado
   *[7] domingo
}
recovery-month = { $month ->
    [1] enero
    [2] febrero
    [3] marzo
    [4] abril
    [5] mayo
    [6] junio
    [7] julio
    [8] agosto
    [9] septiembre
    [10] octubre
    [11] noviembre
   *[12] diciembre
}
recovery-less-than-a-minute-ago = hace menos de un minuto
recovery-minutes-ago = { $count ->
    [one] hace 1 minuto
   *[other] hace { $count } minutos
}
recovery-hours-ago = { $count ->
    [one] hace 1 hora
   *[other] hace { $count } horas
}
recovery-days-ago = { $count ->
    [one] hace 1 día
   *[other] hace { $count } días
}
recovery-when-ago = { $when } ({ $ago })

## The recovery copy's status lines (src/app/recovery/session.rs): "This map cannot be saved or
## autosaved until" is followed by recovery-until-fixed or recovery-until-smaller

recovery-cannot-autosave = Este mapa no se puede guardar ni guardar automáticamente hasta que { $why } Sus cambios siguen aquí, sin guardar.
recovery-until-fixed = { $more ->
    [0] se corrija { $path }: { $problem }.
    [one] se corrija { $path }: { $problem } (y 1 problema más).
   *[other] se corrija { $path }: { $problem } (y { $more } problemas más).
}
recovery-until-smaller = sea más pequeño: como archivo ocuparía { $size } MB, y el límite de un mapa es de { $limit } MB.
recovery-write-failed = No se pudo escribir la copia de recuperación (se volverá a intentar en unos segundos): { $error }
recovery-no-lock = no se puede crear un archivo de bloqueo en { $folder }
recovery-no-data-folder = este usuario no tiene carpeta de datos

## What a spreadsheet's cell may hold, after import-bad-value's "expected": the words stay as a
## cell has them (they are typed), joined by the language's "or" (src/import/values.rs)

import-allowed-locus = internal o external
import-allowed-directness = direct o indirect
import-allowed-nature = structural o pressure point
import-allowed-effect = enabler o hinder (o +, -, positive, negative)
import-allowed-sign = + o - (o enables, hinders, same, opposite, positive, negative)
import-allowed-level = low, medium o high (o weak, moderate, strong, 1, 2, 3)
import-not-a-number = `{ $value }` no es un número
import-no-sheet = el libro no tiene ninguna hoja para importar
# The title of a map imported from a file with no name.
import-untitled = Mapa importado

## Exports that could not be written (src/export: png.rs, slides.rs, xlsx.rs). The workbook's sheet
## names and headings are the layout `detmap import` reads back: they stay.

export-svg-unreadable = no se pudo leer el SVG: { $error }
export-png-too-large = una imagen de { $width } × { $height } píxeles es demasiado grande o está vacía (como máximo { $max } píxeles); elija un --width menor
export-png-no-memory = no se pudo reservar memoria para la imagen
export-png-not-encoded = no se pudo codificar el PNG: { $error }
export-slide-unreadable = no se pudo leer una diapositiva como SVG: { $error }
export-slide-not-converted = no se pudo convertir una diapositiva a PDF: { $error }
xlsx-writing = al escribir el libro: { $error }
xlsx-cell-too-long = { $what } tiene { $length } caracteres; una celda de hoja de cálculo admite como máximo { $max }
xlsx-too-many-stages = el mapa tiene { $count } etapas; la hoja de la matriz admite como máximo { $max } (una columna cada una)
# $field is the map file's name for the field (label, description, note…).
xlsx-field-of = { $kind ->
    [stage] el campo { $field } de la etapa `{ $id }`
    [determinant] el campo { $field } del determinante `{ $id }`
    [influence] el campo { $field } de la influencia `{ $id }`
   *[source] el campo { $field } de la fuente `{ $id }`
}
xlsx-category-name = el nombre de la categoría `{ $name }`

## detmap generate: a map too large (src/generate.rs); $what is determinants, influences or stages.
## The generated map itself (its title, labels) stays English: the same seed gives the same file.

generate-too-many = { $what ->
    [determinants] se pidieron { $count } determinantes; un mapa admite como máximo { $max } determinantes
    [influences] se pidieron { $count } influencias; un mapa admite como máximo { $max } influencias
   *[stages] se pidieron { $count } etapas; un mapa admite como máximo { $max } etapas
}

## A save or an export that failed (src/format/save.rs); $why is the reason below or the system's
## own words (which the system gives in English)

save-failed = no se pudo guardar { $file }: { $why }
save-is-folder = es una carpeta, no un archivo
save-is-pipe = es una tubería con nombre: escribir en ella esperaría hasta que algo la lea
save-is-device = es un dispositivo de disco, que nunca se sobrescribe
save-is-socket = es un socket, no un archivo
save-too-many-links = demasiados niveles de enlaces simbólicos
