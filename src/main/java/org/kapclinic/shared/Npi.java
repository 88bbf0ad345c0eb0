package org.kapclinic.shared;

/**
 * The National Provider Identifier's check: ten digits whose last is a Luhn check digit
 * computed over the nine before it prefixed with 80840 (the NPI's card-issuer prefix).
 * Source: CMS, "Requirements for National Provider Identifier (NPI) and NPI Enumerator"
 * (NPI check digit),
 * https://www.cms.gov/Regulations-and-Guidance/Administrative-Simplification/NationalProvIdentStand/Downloads/NPIcheckdigit.pdf
 * — the prefix adds the constant 24 to the doubled-digit sum.
 */
public final class Npi {

	private Npi() {
	}

	/** True for a well-formed NPI: ten digits with a correct check digit. */
	public static boolean valid(String npi) {
		if (npi == null || !npi.matches("[0-9]{10}")) {
			return false;
		}
		return checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
	}

	/** The check digit of an NPI's first nine digits. */
	public static int checkDigit(String firstNine) {
		// Luhn over "80840" + the nine digits, doubling from the rightmost digit (the
		// check digit's place is to its right).
		String digits = "80840" + firstNine;
		int sum = 0;
		boolean doubled = true;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (doubled) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			doubled = !doubled;
		}
		return (10 - (sum % 10)) % 10;
	}

	/** Why an NPI is refused, in words a form shows. */
	public static String problem() {
		return "a 10-digit NPI whose last digit is its check digit (see the NPPES registry entry)";
	}

}
