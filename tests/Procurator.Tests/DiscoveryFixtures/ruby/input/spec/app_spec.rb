require "spec_helper"
