"""Usage errors: what Typer and Click say in English about options and arguments, in both languages.

The English is Typer's own, word for word, so that an English run reads as it always has.
"""

from __future__ import annotations

from .message import Message


class Usage:
    usage_prefix = Message(en="Usage:", id="Penggunaan:")
    usage_options = Message(en="[OPTIONS]", id="[OPSI]")
    usage_command = Message(en="COMMAND [ARGS]...", id="PERINTAH [ARGUMEN]...")
    usage_try_help = Message(en="Try '{command} {option}' for help.", id="Coba '{command} {option}' untuk bantuan.")
    usage_error = Message(en="Error: {reason}", id="Galat: {reason}")
    usage_invalid_value = Message(
        en="Invalid value for {option}: {reason}", id="Nilai tidak sah untuk {option}: {reason}"
    )
    usage_invalid = Message(en="Invalid value: {reason}", id="Nilai tidak sah: {reason}")
    usage_missing_argument = Message(en="Missing argument {name}.", id="Argumen {name} belum diberikan.")
    usage_missing_option = Message(en="Missing option {name}.", id="Opsi {name} belum diberikan.")
    usage_missing_command = Message(en="Missing command.", id="Perintah belum diberikan.")
    usage_no_such_option = Message(en="No such option: {option}", id="Opsi tidak dikenal: {option}")
    usage_no_such_option_close = Message(
        en="No such option: {option} (Possible options: {choices})",
        id="Opsi tidak dikenal: {option} (opsi yang mirip: {choices})",
    )
    usage_no_such_command = Message(en="No such command {name}.", id="Perintah {name} tidak dikenal.")
    usage_no_such_command_close = Message(
        en="No such command {name}. Did you mean {choices}?", id="Perintah {name} tidak dikenal. Maksud Anda {choices}?"
    )
    usage_extra_arguments = Message(
        en="Got unexpected extra argument(s) ({arguments})",
        id="Ada argumen berlebih yang tidak diharapkan ({arguments})",
    )
    usage_needs_value = Message(en="Option {option} requires an argument.", id="Opsi {option} memerlukan satu nilai.")
    usage_needs_values = Message(
        en="Option {option} requires {count} arguments.", id="Opsi {option} memerlukan {count} nilai."
    )
    usage_takes_no_value = Message(
        en="Option {option} does not take a value.", id="Opsi {option} tidak menerima nilai."
    )
    usage_not_integer = Message(
        en="Input should be a valid integer, unable to parse string as an integer",
        id="masukan harus bilangan bulat; teks ini tidak dapat dibaca sebagai bilangan bulat",
    )
    usage_at_least = Message(
        en="Input should be greater than or equal to {limit}", id="masukan harus lebih dari atau sama dengan {limit}"
    )
    usage_at_most = Message(
        en="Input should be less than or equal to {limit}", id="masukan harus kurang dari atau sama dengan {limit}"
    )
