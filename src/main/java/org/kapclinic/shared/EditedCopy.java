package org.kapclinic.shared;

import org.springframework.ui.Model;

/**
 * An administrator's edited copy of a versioned document (protocol, course template, note
 * template), taken from version {@code baseVersion}. Publishing it after another version
 * appeared would silently undo that version, so the editor is shown the newer one
 * instead, with the reason.
 */
public final class EditedCopy {

	private EditedCopy() {
	}

	/**
	 * True, with the page's error set, when {@code current} is no longer the version the
	 * copy was taken from.
	 */
	public static boolean stale(Object current, String baseVersion, Model model) {
		if (String.valueOf(current).equals(baseVersion)) {
			return false;
		}
		model.addAttribute("error", "Version " + current
				+ " was published while you edited: this copy shows it now. Make your changes again.");
		return true;
	}

}
